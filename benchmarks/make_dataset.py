"""Write the synthetic archive (make_corpus.release) as a dataset, the way scraped archives
circulate: one row per release with its text, date, URL and title.

    python benchmarks/make_dataset.py N OUT.jsonl|OUT.csv|OUT.parquet [--seed S]

The release's header (time line, title, reference line with its date) is moved into the
columns and left out of the text, as scrapers keep only the article body: the date a document
gets can then only come from the dataset. Rows are written as they are made, so any N fits in
memory.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import release  # noqa: E402


def row(seed: int, i: int) -> dict:
    _name, text = release(seed, i)
    hhmm, title, ref, body = text.split("\n\n", 3)
    day, month, year = ref.split("-")[1:4]
    return {"id": i, "title": title, "date": f"{year}-{month}-{day}T{hhmm}:00",
            "url": f"https://example.org/press/{ref}", "text": body}


def write(n: int, out: Path, seed: int = 1) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    suffix = out.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        with open(out, "w", encoding="utf-8") as fh:
            for i in range(n):
                fh.write(json.dumps(row(seed, i), ensure_ascii=False) + "\n")
    elif suffix == ".csv":
        with open(out, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, ["id", "title", "date", "url", "text"])
            w.writeheader()
            for i in range(n):
                w.writerow(row(seed, i))
    elif suffix == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        writer = None
        for lo in range(0, n, 500):
            table = pa.Table.from_pylist([row(seed, i) for i in range(lo, min(n, lo + 500))])
            writer = writer or pq.ParquetWriter(str(out), table.schema)
            writer.write_table(table)
        if writer:
            writer.close()
    else:
        raise SystemExit(f"{out}: write .jsonl, .csv or .parquet")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of releases")
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    write(args.n, args.out, args.seed)
    print(f"wrote {args.n} rows to {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
