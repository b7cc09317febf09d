"""Driver of the side-by-side harness: run by run.sh with the venv's Python.

    python compare.py FIHRIS GENERATE READ WORKDIR N...

For each N: generate N CKAN packages as JSON lines, convert them with rdflib
(rdflib_convert.py) and with `fihris convert` to Turtle, N-Triples, RDF/XML and JSON-LD,
parse fihris's Turtle and N-Triples (rdflib `Graph().parse` against the `read` example,
which reads the file into the fihris model), check that both conversions describe the same
datasets (check.py) and that each file parsed into the fihris model and written back is
isomorphic to rdflib's graph of it (check_parse.py), and print a Markdown table. rdflib's
conversions run once (17 to 500 s each); fihris's are the best of CONVERT_RUNS consecutive
runs (about a second each, where the page faults below weigh most); parse rows
are the best of PARSE_RUNS consecutive runs on each side (alternating the sides would start
each fihris run on the memory rdflib just gave back, which this virtual machine's kernel
returns to the host: every run would then pay for faulting its pages in again). rdflib's Turtle serializer slows down with
the size of the graph (510 s for 10 000 datasets here): above TURTLE_SERIALIZE_MAX datasets
its CKAN -> Turtle run is left out and the N-Triples outputs are checked instead. Wall time is measured around each process with
`time.perf_counter`; peak memory is `/usr/bin/time`'s maximum resident set size (%M), or
`getrusage(RUSAGE_CHILDREN)` when /usr/bin/time is missing.
"""

import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = sys.executable
TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None

TURTLE_SERIALIZE_MAX = 20000
# Parsing runs are short on the fihris side, where one page-faulting burst of the kernel or a
# busy moment of the machine can double a time: both sides of a parse row are the best of this
# many runs.
PARSE_RUNS = 5
CONVERT_RUNS = 3

FORMATS = [
    # (label, fihris --to, rdflib format, extension)
    ("CKAN -> Turtle", "turtle", "turtle", "ttl"),
    ("CKAN -> N-Triples", "ntriples", "nt", "nt"),
    ("CKAN -> RDF/XML", "rdfxml", "xml", "rdf"),
    ("CKAN -> JSON-LD", "jsonld", "json-ld", "jsonld"),
]


def run(command, workdir):
    """Runs command; returns (wall seconds, peak MB, stderr)."""
    stats = os.path.join(workdir, "time.out")
    if TIME:
        command = [TIME, "-f", "%M", "-o", stats] + command
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr[-3000:]}")
    if TIME:
        with open(stats) as f:
            peak_kb = int(f.read().split()[-1])
    else:
        # Without /usr/bin/time: the largest child so far (ru_maxrss is a maximum).
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, peak_kb / 1024, done.stderr


def best(runs, command, workdir):
    """The shortest wall time of `runs` consecutive runs of command, and the largest peak."""
    results = [run(command, workdir)[:2] for _ in range(runs)]
    return min(s for s, _ in results), max(mb for _, mb in results)


def count_lines(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def num(value):
    return f"{value:,.0f}".replace(",", " ")


def row(step, n, rdflib, fihris, note=""):
    (r_s, r_mb), (f_s, f_mb) = rdflib, fihris
    return (
        f"| {step} | {num(n)} | {r_s:.2f} | {f_s:.2f} | {num(n / r_s)} | {num(n / f_s)} | "
        f"{r_s / f_s:.0f}x | {r_mb:.0f} | {f_mb:.0f} |{note}"
    )


def main():
    fihris, generate, read, workdir = sys.argv[1:5]
    sizes = [int(n) for n in sys.argv[5:]] or [10000, 100000]
    os.makedirs(workdir, exist_ok=True)
    header = [
        "| run | datasets | rdflib s | fihris s | rdflib datasets/s | fihris datasets/s "
        "| fihris / rdflib | rdflib peak MB | fihris peak MB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    rows, notes = [], []
    for n in sizes:
        source = os.path.join(workdir, f"ckan-{n}.jsonl")
        run([generate, str(n), source], workdir)
        print(f"# N = {n}: {os.path.getsize(source) / 1e6:.1f} MB of CKAN JSON lines", file=sys.stderr)
        triples = {}
        for label, to, rdflib_format, ext in FORMATS:
            r_out = os.path.join(workdir, f"rdflib-{n}.{ext}")
            f_out = os.path.join(workdir, f"fihris-{n}.{ext}")
            f_s, f_mb = best(CONVERT_RUNS, [fihris, "convert", source, "--from", "ckan", "--to", to, "-o", f_out], workdir)
            if ext == "ttl" and n > TURTLE_SERIALIZE_MAX:
                rows.append(f"| {label} | {num(n)} | not run | {f_s:.2f} | | {num(n / f_s)} | | | {f_mb:.0f} |")
                continue
            r_s, r_mb, r_err = run(
                [PYTHON, os.path.join(HERE, "rdflib_convert.py"), source, rdflib_format, r_out], workdir
            )
            triples["rdflib"] = int(r_err.split()[-1])
            rows.append(row(label, n, (r_s, r_mb), (f_s, f_mb)))
            print(rows[-1], file=sys.stderr)
        triples["fihris"] = count_lines(os.path.join(workdir, f"fihris-{n}.nt"))
        for label, ext in [("Turtle -> parse", "ttl"), ("N-Triples -> parse", "nt")]:
            parsed = os.path.join(workdir, f"fihris-{n}.{ext}")
            r_s, r_mb = best(PARSE_RUNS, [PYTHON, os.path.join(HERE, "rdflib_parse.py"), parsed], workdir)
            f_s, f_mb = best(PARSE_RUNS, [read, parsed], workdir)
            rows.append(row(label, n, (r_s, r_mb), (f_s, f_mb)))
            print(rows[-1], file=sys.stderr)
            written = os.path.join(workdir, f"fihris-{n}-read-{ext}.nt")
            run([read, parsed, written], workdir)
            check = subprocess.run(
                [PYTHON, os.path.join(HERE, "check_parse.py"), parsed, written],
                capture_output=True, text=True,
            )
            if check.returncode != 0:
                sys.exit(f"N = {n}, {label}: reading lost something:\n{check.stdout}{check.stderr}")
            notes.append(f"- N = {num(n)}, {label}: {check.stdout.strip()}")
            print(notes[-1], file=sys.stderr)
        checked = "ttl" if n <= TURTLE_SERIALIZE_MAX else "nt"
        check = subprocess.run(
            [PYTHON, os.path.join(HERE, "check.py"), os.path.join(workdir, f"rdflib-{n}.{checked}"),
             os.path.join(workdir, f"fihris-{n}.{checked}"), str(n)],
            capture_output=True, text=True,
        )
        if check.returncode != 0:
            sys.exit(f"N = {n}: the outputs disagree:\n{check.stdout}{check.stderr}")
        notes.append(
            f"- N = {num(n)}: {num(triples['rdflib'])} triples from rdflib, {num(triples['fihris'])} "
            f"from fihris; {check.stdout.strip()}"
        )
        print(notes[-1], file=sys.stderr)
    print("\n".join(header + rows))
    print()
    print("\n".join(notes))


if __name__ == "__main__":
    main()
