#!/usr/bin/env python3
"""Makes N realistic articles as JSON Lines for the benchmark: the sentences of samples/*.json,
recombined, with their people, countries and places swapped for others from lexicon/ and new
publication dates. Standard library only; the same --seed gives the same file."""
import argparse
import glob
import json
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def heads(path, key=None):
    """The head field (or the value of `key`) of every entry of a lexicon file."""
    names = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split(" | ")]
        if key is None:
            names.append(fields[0])
        for field in fields[1:]:
            if key and field.startswith(key + ":"):
                names.append(field.split(":", 1)[1].split(";")[0].strip())
    return [n for n in names if n]


def load_pools():
    lex = os.path.join(ROOT, "lexicon")
    people = sorted(set(n for f in glob.glob(os.path.join(lex, "people", "*.txt")) for n in heads(f)))
    countries = sorted(set(heads(os.path.join(lex, "countries", "world.txt"), "name")))
    places = sorted(set(n for f in glob.glob(os.path.join(lex, "places", "*.txt")) for n in heads(f)))
    return {"person": people, "country": countries, "place": places}


def load_samples():
    texts = []
    for path in sorted(glob.glob(os.path.join(ROOT, "samples", "*.json"))):
        if path.endswith(".gold.json"):
            continue
        texts.append(json.load(open(path, encoding="utf-8"))["text"])
    return texts


def split_sentences(text):
    sentences = []
    for paragraph in text.split("\n"):
        paragraph = paragraph.strip()
        if paragraph:
            sentences += [s for s in re.split(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])", paragraph) if s]
    return sentences


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int, help="number of articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sentences", type=int, default=0,
                        help="sentences per article (default: 14 to 30, like the samples)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pools = load_pools()
    samples = load_samples()
    corpus = "\n".join(samples)
    # Only names that occur in the samples need a pattern; longest first so that
    # "United Arab Emirates" wins over "United".
    kind_of = {}
    for kind in ("place", "country", "person"):
        for name in pools[kind]:
            if len(name) > 3 and name in corpus:
                kind_of[name] = kind
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(kind_of, key=len, reverse=True)) + r")\b")
    sentences = [split_sentences(t) for t in samples]
    out = sys.stdout
    for i in range(args.count):
        mapping = {}

        def swap(match):
            name = match.group(1)
            if name not in mapping:
                mapping[name] = rng.choice(pools[kind_of[name]])
            return mapping[name]

        n = args.sentences or rng.randint(14, 30)
        sources = rng.sample(range(len(sentences)), 3)
        picked = []
        for k in range(n):
            pool = sentences[sources[k % 3]]
            picked.append(pool[(k // 3 + i) % len(pool)])
        paragraphs, j = [], 0
        while j < len(picked):
            size = rng.randint(1, 3)
            paragraphs.append(" ".join(pattern.sub(swap, s) for s in picked[j:j + size]))
            j += size
        year = rng.randint(2001, 2024)
        text = "\n\n".join(paragraphs)
        text = re.sub(r"\b(19[5-9]\d|20[0-2]\d)\b", lambda m: str(rng.randint(1990, year)), text)
        article = {
            "title": pattern.sub(swap, picked[0])[:90],
            "published": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "source": rng.choice(["Wire", "Daily Courier", "Global Desk", "Evening Post"]),
            "url": f"https://news.example/{i}",
            "text": text,
        }
        out.write(json.dumps(article, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
