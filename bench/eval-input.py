#!/usr/bin/env python3
"""Builds `vigia enrich --input` lines from a labelled corpus folder (articles.jsonl,
duplicates.jsonl, negatives.jsonl, feeds/index.json), interleaved by publication time.

Usage: bench/eval-input.py [--labelled] CORPUS_DIR > input.jsonl

With --labelled, each line also carries what the corpus says is right about it, as `vigia
stance-train` and `vigia learn` read it: "stance": {"maduro-government": LABEL} for an article with
a stance label, and "relevant" (true for articles and copies, false for negatives).
"""
import json
import sys
from datetime import datetime

args = sys.argv[1:]
labelled = "--labelled" in args
corpus = [a for a in args if a != "--labelled"][0]


def read(name):
    try:
        with open(f"{corpus}/{name}", encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    except FileNotFoundError:
        return []


try:
    with open(f"{corpus}/feeds/index.json", encoding="utf-8") as f:
        pages = json.load(f).get("pages", {})
except FileNotFoundError:
    pages = {}

items = []
negatives = {o["id"] for o in read("negatives.jsonl")}
for o in read("articles.jsonl") + read("duplicates.jsonl") + read("negatives.jsonl"):
    page = pages.get(o["id"], {})
    published = o.get("published") or page.get("html_published")
    labels = {}
    if labelled:
        if o.get("stance"):
            labels["stance"] = {"maduro-government": o["stance"]}
        labels["relevant"] = o["id"] not in negatives
    items.append({
        **{"id": o["id"]},
        "url": o.get("url") or page.get("url")
        or (f"https://{o['outlet']}/{o['id']}" if o.get("outlet") else f"https://{o['id']}.example/{o['id']}"),
        "title": o.get("headline", ""),
        "text": o.get("body", ""),
        "language": o.get("lang") or page.get("lang"),
        "publishedAt": published,
        **labels,
    })
items.sort(key=lambda x: datetime.fromisoformat(x["publishedAt"]).timestamp() if x["publishedAt"] else 0)
for x in items:
    print(json.dumps(x, ensure_ascii=False))
