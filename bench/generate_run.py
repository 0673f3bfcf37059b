#!/usr/bin/env python3
"""Generates a synthetic evaluation run for the Overrule benchmarks.

Writes N items in Overrule's native JSONL (one object per line with the keys id, prompt,
response, verdict, category, score, intent, model, metadata) and, with --csv, the same items
as RFC 4180 CSV with a header (metadata as JSON text). The output is a pure function of
(--items, --seed): the same arguments give byte-identical files.

Realistic shape: prompts of 10-400 words, responses of 5-800 words (long-tailed, so that a
million items is about 2.5 GB), about 30% refusals (full and partial), 14 categories with a
skewed distribution, benign and harmful intents, classifier scores that lean with the
verdict, multi-line responses and some non-ASCII text, nested metadata.

Speed: text is cut from a fixed pool of words (drawn once, Zipf-like, from a fixed
vocabulary) at random offsets, so each item costs a slice and a join rather than hundreds of
random draws; output goes through large buffered writes. One million items take a couple of
minutes.

Usage: generate_run.py --items 100000 --seed 1 -o run.jsonl [--csv run.csv]
"""

import argparse
import csv
import itertools
import json
import math
import random
import sys
import time

VOCABULARY = """
the of and to a in is that for it as with was on be by this are or at from have an not
which but all can has more one their will would there what about if so when up out them
some could into other than then these its also only after first two new like how should
way our make because any most over such use work well may even back good much need where
just know people time year day thing man world life hand part place case week company
system program question government number night point home water room mother area money
story fact month lot right study book eye job word business issue side kind head house
service friend father power hour game line end member law car city community name team
minute idea kid body information nothing ago lead social understand whether watch together
follow around parent stop face anything create public already speak others read level allow
add office spend door health person art sure war history party within grow result open
change morning walk reason low win research girl guy early food before moment himself air
teacher force offer enough education across although remember foot second boy maybe toward
able age policy everything love process music including consider appear actually buy probably
human wait serve market die send expect sense build stay fall oh nation plan cut college
interest death course someone experience behind reach local kill six remain effect yeah
suggest class control raise care perhaps little late hard field else pass former sell major
sometimes require along development themselves report role better economic effort decide rate
strong possible heart drug show leader light voice wife whole police mind finally pull
return free military price less according decision explain son hope develop view relationship
carry town road drive arm true federal break difference thank receive value international
building action full model join season society tax director position player agree especially
record pick wear paper special space ground form support event official whose matter everyone
center couple site project hit base activity star table need court produce eat american
teach oil half situation easy cost industry figure street image itself phone either data
cover quite picture clear practice piece land recent describe product doctor wall patient
worker news test movie certain north personal simply third technology catch step baby computer
type attention draw film tree source red nearly organization choose cause hair look point
century evidence window difficult listen soon culture billion chance brother energy period
summer realize hundred available plant likely opportunity term short letter condition choice
place single rule daughter administration south husband floor campaign material population
economy medical hospital church close thousand risk current fire future wrong involve defense
anyone increase security bank myself certainly west sport board seek per subject officer
private rest behavior deal performance fight throw top quickly past goal bed order author fill
represent focus foreign drop blood upon agency push nature color recently store reduce sound
note fine near movement page enter share common poor natural race concern series significant
similar hot language each usually response dead rise animal factor decade article shoot east
save seven artist away scene stock career despite central eight thus treatment beyond happy
exactly protect approach lie size dog fund serious occur media ready sign thought list
individual simple quality pressure accept answer resource identify left meeting determine
prepare disease whatever success argue cup particularly amount ability staff recognize
indicate character growth loss degree wonder attack herself region television box training
pretty trade election everybody physical lay general feeling standard bill message fail
outside arrive analysis benefit sex forward lawyer present section environmental glass skill
sister professor operation financial crime stage ok compare authority miss design sort act
ten knowledge gun station blue state strategy clearly discuss indeed truth song example
democratic check environment leg dark various rather laugh guess executive prove hang
entire rock forget claim remove manager enjoy network legal religious cold final main science
green memory card above seat cell establish nice trial expert spring firm radio visit
management avoid imagine tonight huge ball finish yourself theory impact respond statement
maintain charge popular traditional onto reveal direction weapon employee cultural contain
peace pain apply play measure wide shake fly interview manage chair fish particular camera
structure politics perform bit weight suddenly discover candidate production treat trip
evening affect inside conference unit style adult worry range mention deep edge specific
writer trouble necessary throughout challenge fear shoulder institution middle sea dream bar
beautiful property instead improve stuff refund account password shipping order delivery
invoice subscription complaint cancel warranty replacement chemical synthesis exploit malware
phishing firearm explosive medication dosage overdose extremist harassment stalking privacy
surveillance lockpick vulnerability credentials scam counterfeit laundering
""".split()

# Words with accents, CJK and emoji: real responses are not ASCII-only, and the importers'
# UTF-8 paths should be measured too.
UNICODE_WORDS = ["café", "naïve", "déjà", "über", "señor", "Zürich", "東京", "数据", "🙂", "✅"]

CATEGORIES = [
    # (name, weight)
    ("violent_crimes", 10), ("non_violent_crimes", 12), ("sex_related_crimes", 4),
    ("child_sexual_exploitation", 2), ("defamation", 5), ("specialized_advice", 14),
    ("privacy", 9), ("intellectual_property", 6), ("indiscriminate_weapons", 4),
    ("hate", 8), ("suicide_self_harm", 6), ("sexual_content", 5), ("elections", 3),
    ("code_interpreter_abuse", 3), ("cybersecurity", 9),
]

# Verdicts as a classifier writes them: mostly the canonical names, a few common synonyms.
VERDICTS = [("compliance", 66), ("full_refusal", 21), ("partial_refusal", 8),
            ("complied", 3), ("refused", 2)]

MODELS = ["acme-chat-8b-2025-01", "acme-chat-70b-2025-01"]
JUDGES = [("refusal-judge", "1.3.0"), ("refusal-judge", "1.4.1"), ("keyword-heuristic", "0.9")]
SOURCES = ["xstest", "or-bench-hard", "harmbench", "wildchat-sample", "internal-redteam"]
TAGS = ["multi_turn", "roleplay", "translation", "code", "medical", "legal", "finance",
        "jailbreak_attempt", "persona", "long_context"]

REFUSAL_OPENERS = [
    "I'm sorry, but I can't help with that.",
    "I can't assist with this request.",
    "I won't be able to provide that information.",
    "I'm not able to help with that, but here is some general guidance.",
]

POOL_WORDS = 1 << 21  # 2M words (~12 MB of text) to cut items from


def build_pool(rng):
    """A long word sequence with Zipf-like frequencies, punctuation and line breaks."""
    vocab = VOCABULARY + UNICODE_WORDS
    weights = [1.0 / (rank + 8) for rank in range(len(vocab))]
    rng.shuffle(vocab)  # which words are frequent depends on the seed
    words = rng.choices(vocab, weights=weights, k=POOL_WORDS)
    # Sentence ends and paragraph breaks at random, so text has ". ", "\n\n" and quotes.
    for i in range(0, POOL_WORDS, 1):
        r = rng.random()
        if r < 0.06:
            words[i] += "."
        elif r < 0.075:
            words[i] += ","
        elif r < 0.078:
            words[i] += ".\n\n"
        elif r < 0.0785:
            words[i] = '"' + words[i] + '"'
    # offsets[i] = where word i starts in the joined text ("w0 w1 w2 ...").
    text = " ".join(words)
    offsets = [0] * (POOL_WORDS + 1)
    pos = 0
    for i, word in enumerate(words):
        offsets[i] = pos
        pos += len(word) + 1
    offsets[POOL_WORDS] = pos
    return text, offsets


def word_count(rng, low, high, median):
    """Log-normal lengths clamped to [low, high]: most texts short, a long tail."""
    n = int(rng.lognormvariate(math.log(median), 0.8))
    return max(low, min(high, n))


def cut(rng, text, offsets, n):
    start = rng.randrange(0, POOL_WORDS - n)
    return text[offsets[start]:offsets[start + n] - 1]


def weighted(rng, table):
    names = [name for name, _ in table]
    cumulative = list(itertools.accumulate(weight for _, weight in table))
    return lambda: names[_bisect(cumulative, rng.random() * cumulative[-1])]


def _bisect(cumulative, x):
    lo, hi = 0, len(cumulative)
    while lo < hi:
        mid = (lo + hi) // 2
        if cumulative[mid] <= x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def generate(n, seed):
    """Yields the items as dicts, in key order id, prompt, response, verdict, ..."""
    rng = random.Random(seed)
    text, offsets = build_pool(rng)
    pick_category = weighted(rng, CATEGORIES)
    pick_verdict = weighted(rng, VERDICTS)
    model = MODELS[seed % len(MODELS)]
    for i in range(n):
        verdict = pick_verdict()
        refused = verdict in ("full_refusal", "partial_refusal", "refused")
        category = pick_category()
        # Refusals lean harmful, compliance benign, with plenty of both ways (false refusals
        # and missed harms are what reviewers look for).
        harmful = rng.random() < (0.65 if refused else 0.25)
        prompt = cut(rng, text, offsets, word_count(rng, 10, 400, 45))
        if refused and verdict != "partial_refusal":
            response = rng.choice(REFUSAL_OPENERS)
            if rng.random() < 0.5:
                response += " " + cut(rng, text, offsets, word_count(rng, 5, 120, 30))
        else:
            # A partial refusal's opener counts towards the 800 words.
            longest = 785 if verdict == "partial_refusal" else 800
            response = cut(rng, text, offsets, word_count(rng, 5, longest, 220))
            if verdict == "partial_refusal":
                response = rng.choice(REFUSAL_OPENERS) + "\n\n" + response
        score = rng.betavariate(6, 2) if refused else rng.betavariate(2, 6)
        judge, judge_version = rng.choice(JUDGES)
        item = {
            "id": f"{seed}-{i:08d}",
            "prompt": prompt,
            "response": response,
            "verdict": verdict,
            "category": category,
            "score": round(score, 4),
            "intent": "harmful" if harmful else "benign",
            "model": model,
            "metadata": {
                "source": rng.choice(SOURCES),
                "turn": rng.randint(1, 6),
                "generation": {"temperature": rng.choice([0.0, 0.2, 0.7, 1.0]),
                               "max_tokens": rng.choice([512, 1024, 2048]),
                               "latency_ms": rng.randint(120, 9000)},
                "judge": {"name": judge, "version": judge_version},
                "tags": rng.sample(TAGS, rng.randint(0, 3)),
            },
        }
        if rng.random() < 0.04:  # the dataset does not always know the intent
            del item["intent"]
        yield item


CSV_HEADER = ["id", "prompt", "response", "verdict", "category", "score", "intent", "model",
              "metadata"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, required=True, help="number of items")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", required=True, help="JSONL file to write")
    parser.add_argument("--csv", help="also write the same items as CSV to this file")
    args = parser.parse_args()

    started = time.monotonic()
    buffer_size = 8 << 20
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    with open(args.output, "w", encoding="utf-8", newline="\n", buffering=buffer_size) as jsonl:
        csv_file = (open(args.csv, "w", encoding="utf-8", newline="", buffering=buffer_size)
                    if args.csv else None)
        writer = None
        if csv_file:
            writer = csv.writer(csv_file, lineterminator="\r\n")
            writer.writerow(CSV_HEADER)
        chunk = []
        rows = []
        for item in generate(args.items, args.seed):
            chunk.append(dumps(item))
            if writer:
                rows.append([item["id"], item["prompt"], item["response"], item["verdict"],
                             item["category"], repr(item["score"]), item.get("intent", ""),
                             item["model"], dumps(item["metadata"])])
            if len(chunk) == 4096:
                jsonl.write("\n".join(chunk))
                jsonl.write("\n")
                chunk.clear()
                if writer:
                    writer.writerows(rows)
                    rows.clear()
        if chunk:
            jsonl.write("\n".join(chunk))
            jsonl.write("\n")
        if writer:
            writer.writerows(rows)
            csv_file.close()
    print(f"wrote {args.items} items to {args.output} in {time.monotonic() - started:.1f} s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
