"""Driver of the side-by-side harness: run by run.sh with the venv's Python.

    python compare.py FIHRIS GENERATE READ WRITE WORKDIR N...

For each N: generate N CKAN packages as JSON lines, then three kinds of rows, each checked:

- CKAN -> Turtle, N-Triples, RDF/XML, JSON-LD: rdflib (rdflib_dcat3.py, a Python port of
  fihris's mapping onto an rdflib `Graph`, then `serialize`) against `fihris convert`; both
  outputs of each format must be isomorphic (check_convert.py);
- FORMAT -> parse, for fihris's four outputs: rdflib `Graph().parse` (rdflib_parse.py) against
  the `read` example (the file into the fihris model); the model written back must be
  isomorphic to rdflib's graph of the file (check_parse.py);
- model -> N-Triples, RDF/XML, JSON-LD: `Graph.serialize` of a parsed graph
  (rdflib_serialize.py) against `DcatWriter` on the model read from the same file (the
  `write` example), timed inside each process.

rdflib's conversions run once (25 to 600 s each); fihris's are the best of CONVERT_RUNS
consecutive runs (under half a second each, where the page faults below weigh most); parse rows
are the best of PARSE_RUNS consecutive runs on fihris's side and RDFLIB_PARSE_RUNS on
rdflib's (alternating the sides would start each fihris run on the memory rdflib just gave
back, which this virtual machine's kernel returns to the host: every run would then pay for
faulting its pages in again). rdflib's Turtle serializer slows down with the size of the graph
(500 s for 10 000 datasets here): above LARGE datasets its CKAN -> Turtle run
is left out. Every run that writes a file writes a new one, on both sides: the file of the
run before is removed first, untimed (overwriting fihris's 93 MB of N-Triples for 10 000
datasets truncates it first, which took 10 to 50 ms here: a fifth of the conversion, paid
seven times on fihris's side and once on rdflib's, and not a cost of converting). Wall time
is measured around each process with `time.perf_counter`; peak memory
is `/usr/bin/time`'s maximum resident set size (%M), or `getrusage(RUSAGE_CHILDREN)` when
/usr/bin/time is missing. Each row gives datasets/s and triples/s: the triples are the
distinct triples of fihris's N-Triples of the catalogue, the graph both sides convert, parse
and write (the isomorphism checks say so).

Above LARGE datasets, rdflib's runs are single (a parse of 100 000 datasets takes it five to
eight minutes). Two environment variables narrow a run, for the large sizes:

- COMPARE_ROWS: the kinds of rows made, among `convert`, `parse` and `write` (default all,
  comma-separated). The parse and write rows read fihris's outputs of an earlier convert run
  when this one made none.
- COMPARE_CHECK_UP_TO: the isomorphism checks are made for catalogues of up to this many
  datasets (default: every size). A check of 100 000 datasets takes eleven minutes and 13 GB
  here; leaving it out is said in the notes the run prints.
"""

import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = sys.executable
TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None

# Runs are short on the fihris side (0.2 to 0.5 s), where one page-faulting burst of the
# kernel or a busy moment of the machine can double a time: after an rdflib process of 500 to
# 1 100 MB exits, the next two or three fihris runs fault their memory in again (0.64, 0.83,
# 0.37 s, then 0.30 s for the same read). fihris's side of a conversion is the best of
# CONVERT_RUNS runs, of a parse row the best of PARSE_RUNS runs; rdflib's parse rows (20 to
# 50 s a run) the best of RDFLIB_PARSE_RUNS.
PARSE_RUNS = 10
RDFLIB_PARSE_RUNS = 3
CONVERT_RUNS = 7
# Above this many datasets rdflib's CKAN -> Turtle run is left out and its other runs are single.
LARGE = 20000

FORMATS = [
    # (name, fihris --to, rdflib format, extension)
    ("Turtle", "turtle", "turtle", "ttl"),
    ("N-Triples", "ntriples", "nt", "nt"),
    ("RDF/XML", "rdfxml", "xml", "rdf"),
    ("JSON-LD", "jsonld", "json-ld", "jsonld"),
]
NAMES_BY_EXTENSION = {ext: name for name, _, _, ext in FORMATS}


def run(command, workdir, output=None):
    """Runs command; returns (wall seconds, peak MB, stderr). The file `output`, which the
    command writes, is removed first (see the module's doc: each run writes a new file)."""
    if output and os.path.exists(output):
        os.remove(output)
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


def best(runs, command, workdir, output=None):
    """The shortest wall time of `runs` consecutive runs of command, and the largest peak."""
    results = [run(command, workdir, output)[:2] for _ in range(runs)]
    return min(s for s, _ in results), max(mb for _, mb in results)


def count_triples(path):
    """Distinct lines of an N-Triples file: fihris repeats a triple two datasets share (a
    licence's label, a format's typing), writing one dataset at a time."""
    with open(path, "rb") as f:
        return len(set(f))


def checked(script, first, second):
    """Runs a check script on two files; its one-line verdict, or exits on a difference."""
    done = subprocess.run(
        [PYTHON, os.path.join(HERE, script), first, second], capture_output=True, text=True
    )
    if done.returncode != 0:
        sys.exit(f"{script} {first} {second}: the graphs differ:\n{done.stdout}{done.stderr}")
    return done.stdout.strip().splitlines()[0]


def timings(command):
    """`extension seconds` lines printed by rdflib_serialize.py and the `write` example."""
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr[-3000:]}")
    return {ext: float(seconds) for ext, seconds in (line.split() for line in done.stdout.splitlines())}


def num(value):
    return f"{value:,.0f}".replace(",", " ")


def row(step, n, triples, rdflib, fihris):
    """A table row; rdflib's time is None for a run left out, peaks are None for the rows
    timed inside a process."""
    (r_s, r_mb), (f_s, f_mb) = rdflib, fihris
    peaks = " | ".join("" if mb is None else f"{mb:.0f}" for mb in (r_mb, f_mb))
    if r_s is None:
        return (
            f"| {step} | {num(n)} | not run | {f_s:.2f} | | {num(n / f_s)} | "
            f"| {num(triples / f_s)} | | {peaks} |"
        )
    return (
        f"| {step} | {num(n)} | {r_s:.2f} | {f_s:.2f} | {num(n / r_s)} | {num(n / f_s)} | "
        f"{num(triples / r_s)} | {num(triples / f_s)} | {r_s / f_s:.0f}x | {peaks} |"
    )


def checked_if(n, script, first, second):
    """checked(), for catalogues of up to COMPARE_CHECK_UP_TO datasets."""
    up_to = os.environ.get("COMPARE_CHECK_UP_TO")
    if up_to is not None and n > int(up_to):
        return f"not checked (COMPARE_CHECK_UP_TO={up_to})"
    return checked(script, first, second)


def main():
    fihris, generate, read, write, workdir = sys.argv[1:6]
    sizes = [int(n) for n in sys.argv[6:]] or [10000, 100000]
    os.makedirs(workdir, exist_ok=True)
    kinds = os.environ.get("COMPARE_ROWS", "convert,parse,write").split(",")
    header = [
        "| run | datasets | rdflib s | fihris s | rdflib datasets/s | fihris datasets/s "
        "| rdflib triples/s | fihris triples/s | fihris / rdflib | rdflib peak MB | fihris peak MB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    rows, notes = [], []

    def add(line, note=None):
        if line:
            rows.append(line)
            print(line, file=sys.stderr)
        if note:
            notes.append(note)
            print(note, file=sys.stderr)

    for n in sizes:
        source = os.path.join(workdir, f"ckan-{n}.jsonl")
        run([generate, str(n), source], workdir)
        print(f"# N = {n}: {os.path.getsize(source) / 1e6:.1f} MB of CKAN JSON lines", file=sys.stderr)
        rdflib_runs = RDFLIB_PARSE_RUNS if n <= LARGE else 1
        fihris_nt = os.path.join(workdir, f"fihris-{n}.nt")
        if "convert" in kinds:
            # Untimed, for the count of triples every row uses (the N-Triples row writes
            # the file again).
            run([fihris, "convert", source, "--from", "ckan", "--to", "ntriples", "-o", fihris_nt], workdir, fihris_nt)
        elif not os.path.exists(fihris_nt):
            sys.exit(f"{fihris_nt} is missing: make the convert rows of {n} datasets first")
        triples = count_triples(fihris_nt)
        add(None, f"- N = {num(n)}: {num(triples)} distinct triples in fihris's N-Triples")
        for name, to, rdflib_format, ext in FORMATS if "convert" in kinds else []:
            label = f"CKAN -> {name}"
            r_out = os.path.join(workdir, f"rdflib-{n}.{ext}")
            f_out = os.path.join(workdir, f"fihris-{n}.{ext}")
            f_s, f_mb = best(CONVERT_RUNS, [fihris, "convert", source, "--from", "ckan", "--to", to, "-o", f_out], workdir, f_out)
            if ext == "ttl" and n > LARGE:
                add(row(label, n, triples, (None, None), (f_s, f_mb)))
                continue
            r_s, r_mb, _ = run(
                [PYTHON, os.path.join(HERE, "rdflib_dcat3.py"), source, rdflib_format, r_out], workdir, r_out
            )
            add(row(label, n, triples, (r_s, r_mb), (f_s, f_mb)),
                f"- N = {num(n)}, {label}: {checked_if(n, 'check_convert.py', r_out, f_out)}")
        for ext, name in NAMES_BY_EXTENSION.items() if "parse" in kinds else []:
            parsed = os.path.join(workdir, f"fihris-{n}.{ext}")
            r_s, r_mb = best(rdflib_runs, [PYTHON, os.path.join(HERE, "rdflib_parse.py"), parsed], workdir)
            f_s, f_mb = best(PARSE_RUNS, [read, parsed], workdir)
            written = os.path.join(workdir, f"fihris-{n}-read-{ext}.nt")
            run([read, parsed, written], workdir)
            add(row(f"{name} -> parse", n, triples, (r_s, r_mb), (f_s, f_mb)),
                f"- N = {num(n)}, {name} -> parse: {checked_if(n, 'check_parse.py', parsed, written)}")
        if "write" in kinds:
            r_times = timings([PYTHON, os.path.join(HERE, "rdflib_serialize.py"), fihris_nt,
                               os.path.join(workdir, f"rdflib-{n}-written"), str(rdflib_runs)])
            f_times = timings([write, fihris_nt, os.path.join(workdir, f"fihris-{n}-written")])
            for ext, seconds in r_times.items():
                add(row(f"model -> {NAMES_BY_EXTENSION[ext]}", n, triples, (seconds, None), (f_times[ext], None)))
    print("\n".join(header + rows))
    print()
    print("\n".join(notes))


if __name__ == "__main__":
    main()
