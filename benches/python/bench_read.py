"""fihris.read + Catalog.to_string("turtle") against rdflib parsing and serialising the same
Turtle, in the same run, on a generated catalogue.

The catalogue is the embedded sample (671 datasets of the portal) written as Turtle COPIES
times, each copy with its own dataset IRIs, into one file. Both sides read that file and
write Turtle; the time of each side is the best of REPEAT runs.

    pip install ./crates/fihris-py rdflib==7.6.0   # a release build of the wheel
    python benches/python/bench_read.py [--copies 15] [--repeat 3]
"""

import argparse
import pathlib
import tempfile
import time

import fihris
import rdflib


def generate(path: pathlib.Path, copies: int) -> int:
    """Writes COPIES renamed copies of the sample catalogue; returns the number of datasets."""
    sample = fihris.sample()
    turtle = sample.to_string("turtle")
    prefix = "https://data.gov.ma/data/fr/dataset/"
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            out.write(turtle.replace(prefix, f"{prefix}c{copy}-"))
    return len(sample) * copies


def best(repeat: int, run) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        path = pathlib.Path(directory) / "catalogue.ttl"
        datasets = generate(path, args.copies)
        size = path.stat().st_size

        def with_fihris() -> int:
            catalog = fihris.read(path, repair=False)
            text = catalog.to_string("turtle")
            assert len(catalog) == datasets
            return len(text)

        def with_rdflib() -> int:
            graph = rdflib.Graph()
            graph.parse(path, format="turtle")
            return len(graph.serialize(format="turtle"))

        fihris_seconds, _ = best(args.repeat, with_fihris)
        rdflib_seconds, _ = best(args.repeat, with_rdflib)
    print(f"catalogue: {datasets} datasets, {size / 1e6:.1f} MB of Turtle")
    print(f"fihris  read + to_string('turtle'): {fihris_seconds:8.3f} s  "
          f"{datasets / fihris_seconds:10.0f} datasets/s")
    print(f"rdflib  parse + serialize(turtle):  {rdflib_seconds:8.3f} s  "
          f"{datasets / rdflib_seconds:10.0f} datasets/s")
    print(f"ratio: fihris is {rdflib_seconds / fihris_seconds:.1f}x faster than rdflib "
          f"(rdflib {rdflib.__version__}, fihris {fihris.__version__})")


if __name__ == "__main__":
    main()
