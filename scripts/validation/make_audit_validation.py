#!/usr/bin/env python3
"""Labelled validation set for the creator audit: realistic exports of creators whose truth
is known, written the way users' own files look (their own column names, dd/mm/yyyy dates).

Deterministic (fixed seed): running it again writes the same files.

    python3 scripts/validation/make_audit_validation.py            # full set, 33 creators
    python3 scripts/validation/make_audit_validation.py --small    # 10 creators, for the e2e test

Kinds (labels.csv): ordinary creators with varied, unique fan comments and the normal ~25%
of short generic praise from different people; embedded creators who answer questions and
whose regulars come back with specific ones; and one planted problem each: pod, bought
(follower jump, flat engagement, no outlying post), viral (follower jump on the day two posts
reach ~5x the usual interactions, flat engagement afterwards), massfollow (follows nearly as
many accounts as follow them), generic (mostly generic and emoji comments), undisclosed
(sponsored posts without #ad), fewposts (4 posts), lowengagement (a third of the benchmark),
copied (the same specific sentences pasted by many accounts).
"""

import csv
import datetime as dt
import math
import os
import random
import sys

SEED = 20260301
END = dt.date(2026, 3, 1)  # the last follower snapshot
WEEKS = 26
COMMENTED_POSTS = 12  # raw comments are exported for the most recent posts

NICHES = {
    "baking": {
        "nouns": ["starter", "crumb", "crust", "levain", "rye loaf", "focaccia", "banneton", "scoring pattern",
                  "bulk ferment", "autolyse", "dough", "oven spring", "baguette", "brioche", "cinnamon roll"],
        "things": ["flour", "water temperature", "hydration", "salt", "proof time", "dutch oven", "steam tray",
                   "stand mixer", "rye blend", "spelt", "malt powder", "olive oil"],
    },
    "running": {
        "nouns": ["long run", "tempo session", "hill repeats", "trail shoes", "race plan", "recovery week",
                  "interval set", "marathon block", "cadence drill", "ultra", "fell race", "parkrun"],
        "things": ["gels", "electrolytes", "heart rate zones", "foam roller", "vest", "poles", "insoles",
                   "headtorch", "compression socks", "training log", "watch"],
    },
    "gardening": {
        "nouns": ["raised bed", "tomato vines", "compost heap", "seedlings", "dahlias", "pruning", "greenhouse",
                  "potato crop", "herb spiral", "mulch layer", "wildflower strip", "runner beans"],
        "things": ["seaweed feed", "netting", "cold frame", "hori hori", "rainwater butt", "bone meal",
                   "peat free compost", "twine", "cloches", "leaf mould"],
    },
    "cycling": {
        "nouns": ["gravel loop", "climb", "bikepacking trip", "chain setup", "saddle height", "descent",
                  "winter route", "commute", "tubeless setup", "sportive", "century ride"],
        "things": ["tyres", "frame bag", "chain wax", "cleats", "power meter", "lights", "mudguards",
                   "inner tubes", "bar tape", "cassette"],
    },
    "skincare": {
        "nouns": ["routine", "serum layering", "night cream", "barrier repair", "sunscreen test", "toner",
                  "retinol week", "cleanser swap", "texture", "breakout"],
        "things": ["niacinamide", "ceramides", "hyaluronic acid", "spf", "azelaic acid", "moisturiser",
                   "cotton pads", "vitamin c", "squalane", "lactic acid"],
    },
}

GENERIC = ["Love this", "Nice!", "🔥🔥🔥", "So good", "Amazing 😍", "Beautiful", "wow", "Love it!!",
           "Great post", "❤️", "👏👏", "Goals", "So cute", "Perfect", "Stunning", "love this ❤️",
           "Incredible", "nice one", "😍😍", "Awesome!"]
EMOJI = {"🔥🔥🔥", "❤️", "👏👏", "😍😍"}

QUESTION_TEMPLATES = [
    "How long did you leave the {n} before the {n2}?",
    "Which {t} do you use for the {n}, and where did you get it?",
    "Would the {n} work with {t} instead of {t2}?",
    "What made you change the {n} after {d}?",
    "Is the {t} you mentioned on {d} still your favourite for the {n}?",
    "Did the {n} change much once you switched to {t}?",
    "Any tips for a {n} when you only have {t} at home?",
    "Do you plan the {n} around the {n2} or the other way round?",
]
STATEMENT_TEMPLATES = [
    "Tried your {n} idea with {t} on {d} and the {n2} was so much better",
    "The {t} tip saved my {n}, my {n2} finally looks right",
    "Never thought about {t} for the {n} until this, going to test it {d}",
    "My {n} went wrong twice before I read this about {t}",
    "Your {n} with {t} reminds me of my first {n2} years ago",
    "Been following your {n} notes since {d}, the {t} part was the missing piece",
    "That {n} looks way better than mine, I think my {t} is the problem",
    "Showed this {n} to my partner and now we are both ordering {t}",
    "Finally a clear explanation of the {n}, the bit about {t} made it click",
    "Did the same {n} on {d} but with {t}, the {n2} held up fine",
]
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "last weekend",
        "easter", "new year", "my birthday", "the holidays", "last month", "spring", "the bank holiday"]
ANSWERS = ["About {k} minutes, then straight in", "I use {t}, nothing fancy", "Yes, {t} works fine too",
           "Honestly it was the {t}, changed everything", "Try {k} percent less next time",
           "I buy the {t} locally, any brand is fine", "Good question, I do it the night before",
           "It took me {k} tries to get it right", "Thank you! Let me know how yours turns out"]
# Openers and personal tails make each fan's sentence their own, as real comments are.
OPENERS = ["", "", "Ok so ", "Honestly ", "Question from {p}: ", "Long time lurker here, ", "Quick one, ",
           "Right, ", "Ha, ", "So ", "Real talk, ", "{w} here, ", "Not gonna lie, ", "Hi from {p}! "]
TAILS = ["", "", " from a very rainy {p}", " and my {r} agrees", " after {k} failed attempts",
         " while the {r} was asleep", " thanks {w}", " which never happens in {p}", " on a {k} degree day",
         " with help from my {r}", " before work at {k} am", " for the {o} time this year", " even in {p}"]
PLACES = ["Leeds", "Bristol", "Glasgow", "Cork", "Utrecht", "Lyon", "Bilbao", "Cardiff", "York", "Ghent",
          "Norwich", "Aarhus", "Porto", "Bergen", "Inverness", "Hull", "Bath", "Derry"]
RELATIVES = ["partner", "mum", "dad", "flatmate", "sister", "brother", "neighbour", "kid", "gran", "dog"]
WHO = ["Sam", "Priya", "Tomasz", "Aoife", "Jonas", "Mia", "Luca", "Femi", "Ines", "Olly", "Hana", "Rui"]
ORDINALS = ["first", "second", "third", "fourth", "fifth"]
COPIED = ["This is exactly what I needed today, saving it for later",
          "Sending this to my sister right now, she will love it",
          "Best account for this kind of content, always learning something new"]


class Gen:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def fill(self, template, niche):
        v = NICHES[niche]
        r = self.rng
        n, n2 = r.sample(v["nouns"], 2)
        t, t2 = r.sample(v["things"], 2)
        return template.format(n=n, n2=n2, t=t, t2=t2, d=r.choice(DAYS), k=r.randint(2, 40))

    def personal(self, template):
        r = self.rng
        return template.format(p=r.choice(PLACES), r=r.choice(RELATIVES), w=r.choice(WHO),
                               k=r.randint(2, 40), o=r.choice(ORDINALS))

    def specific(self, niche, question=None):
        r = self.rng
        for _ in range(50):
            is_q = r.random() < 0.35 if question is None else question
            body = self.fill(r.choice(QUESTION_TEMPLATES if is_q else STATEMENT_TEMPLATES), niche)
            opener = self.personal(r.choice(OPENERS))
            if is_q:
                text = opener + body
            else:
                text = opener + body + self.personal(r.choice(TAILS))
            if opener:
                text = text[: len(opener)] + text[len(opener)].lower() + text[len(opener) + 1:]
            if text not in self.used:
                self.used.add(text)
                return text
        return text + " " + r.choice(DAYS)


def fmt(d):
    return d.strftime("%d/%m/%Y")


def creator_specs(small):
    kinds = ([("ordinary", 12), ("embedded", 5), ("pod", 2), ("bought", 2), ("viral", 2),
              ("massfollow", 2), ("generic", 2), ("undisclosed", 2), ("fewposts", 1),
              ("lowengagement", 2), ("copied", 1)]
             if not small else
             [("ordinary", 3), ("embedded", 2), ("pod", 1), ("bought", 1), ("viral", 1),
              ("massfollow", 1), ("undisclosed", 1)])
    specs = []
    for kind, count in kinds:
        for i in range(count):
            specs.append((kind, i))
    return specs


BENCH = [(3162.3, 0.048), (31623.0, 0.024), (223607.0, 0.018)]


def benchmark(followers):
    x = math.log(max(followers, 1))
    if x <= math.log(BENCH[0][0]):
        return BENCH[0][1]
    for (f0, r0), (f1, r1) in zip(BENCH, BENCH[1:]):
        if x <= math.log(f1):
            return r0 + (r1 - r0) * (x - math.log(f0)) / (math.log(f1) - math.log(f0))
    return BENCH[-1][1]


def build(small):
    rng = random.Random(SEED + (1 if small else 0))
    gen = Gen(rng)
    creators, posts, history, comments, labels = [], [], [], [], []
    niches = list(NICHES)
    follower_choices = [3_400, 5_200, 7_800, 9_600, 10_400, 14_000, 22_000, 31_000, 46_000, 68_000, 95_000]
    cid = 0
    for index, (kind, i) in enumerate(creator_specs(small)):
        niche = niches[index % len(niches)]
        handle = f"{niche}_{kind}_{i + 1}"
        followers_now = follower_choices[index % len(follower_choices)] + rng.randint(-300, 300)
        # Follower history, weekly, oldest first; the jump (if any) is in week 18.
        weekly = [rng.gauss(0.006, 0.002) for _ in range(WEEKS - 1)]
        jump_week = 17
        if kind in ("bought", "viral"):
            weekly[jump_week] = 0.42 if kind == "viral" else 0.40
        counts = [1.0]
        for g in weekly:
            counts.append(counts[-1] * (1 + g))
        scale = followers_now / counts[-1]
        series = [round(c * scale) for c in counts]
        dates = [END - dt.timedelta(weeks=WEEKS - 1 - w) for w in range(WEEKS)]
        for d, f in zip(dates, series):
            history.append([handle, fmt(d), f])
        followers = series[-1]
        following = (round(followers * rng.uniform(0.85, 0.98)) if kind == "massfollow"
                     else round(followers * rng.uniform(0.02, 0.2)))
        creators.append([handle, "Instagram", handle.replace("_", " ").title(), followers, following, niche, "GB"])
        labels.append([handle, kind])

        # Posts: about three every two weeks over the 26 weeks (4 posts in all for fewposts).
        rate = benchmark(followers) * rng.uniform(0.85, 1.35)
        if kind == "lowengagement":
            rate = benchmark(followers) * 0.3
        n_posts = 4 if kind == "fewposts" else 38
        first = dates[0] + dt.timedelta(days=2)
        span = (dates[-1] - first).days
        post_days = sorted(rng.sample(range(span), n_posts)) if kind != "fewposts" else [span - 30, span - 20, span - 10, span - 2]
        jump_start = dates[jump_week]
        if kind == "viral":
            # Two posts go viral two days into the jump's week.
            viral_day = (jump_start - first).days + 2
            post_days = sorted(set(post_days) - {viral_day, viral_day - 1} | {viral_day, viral_day - 1})
        creator_posts = []
        for k, day in enumerate(post_days):
            date = first + dt.timedelta(days=day)
            f_at = next((f for d, f in zip(dates, series) if d >= date), followers)
            if kind in ("bought", "viral"):
                # Engagement stays with the audience before the jump.
                f_at = min(f_at, series[jump_week])
            interactions = f_at * rate * math.exp(rng.gauss(0, 0.18))
            if kind == "viral" and date in (jump_start + dt.timedelta(days=2), jump_start + dt.timedelta(days=1)):
                interactions *= 5.0
            comments_n = max(1, round(interactions * rng.uniform(0.03, 0.06)))
            likes = max(0, round(interactions) - comments_n)
            sponsored = k % 9 == 4
            disclosed = "" if not sponsored else ("no" if kind == "undisclosed" and k % 2 == 0 else "yes")
            if kind == "undisclosed" and sponsored and disclosed == "yes" and k > 20:
                disclosed = "no"
            post_id = f"https://instagram.com/p/{handle[:4]}{index:02d}{k:03d}"
            reach = round(f_at * rng.uniform(0.18, 0.35))
            tags = ";".join(rng.sample(NICHES[niche]["nouns"], 2))
            creator_posts.append([handle, post_id, fmt(date), "reel" if k % 3 == 0 else "carousel", likes,
                                  comments_n, reach, "yes" if sponsored else "no", disclosed, tags])
        posts.extend(creator_posts)

        # Raw comments on the most recent posts.
        fans = [f"{niche[:3]}fan{index:02d}_{j}" for j in range(500)]
        regulars = fans[:15]
        pods = [f"podring_{index}_{j}" for j in range(8)]
        bots = [f"growbot_{index}_{j}" for j in range(60)]
        recent = creator_posts[-COMMENTED_POSTS:]
        for p in recent:
            post_id = p[1]
            n = rng.randint(26, 34)
            for _ in range(n):
                cid += 1
                who = fans[min(int(rng.paretovariate(1.2)) - 1, len(fans) - 1)] if rng.random() < 0.3 else rng.choice(fans)
                roll = rng.random()
                if kind == "generic":
                    text = rng.choice(GENERIC) if roll < 0.78 else gen.specific(niche)
                elif roll < 0.25:
                    text = rng.choice(GENERIC)
                elif kind == "embedded" and roll < 0.6:
                    who = rng.choice(regulars)
                    text = gen.specific(niche, question=rng.random() < 0.6)
                elif kind == "copied" and roll < 0.55:
                    who = rng.choice(bots)
                    text = rng.choice(COPIED)
                else:
                    text = gen.specific(niche)
                row_id = f"c{cid}"
                comments.append([handle, post_id, row_id, who, text, "no", ""])
                answer_rate = 0.35 if kind == "embedded" else 0.02
                if "?" in text and rng.random() < answer_rate * 2 or (kind == "embedded" and rng.random() < 0.08):
                    cid += 1
                    answer = gen.fill(rng.choice(ANSWERS), niche)
                    comments.append([handle, post_id, f"c{cid}", handle, answer, "yes", row_id])
            if kind == "pod":
                for who in pods:
                    if rng.random() < 0.9:
                        for _ in range(rng.randint(1, 3)):
                            cid += 1
                            comments.append([handle, post_id, f"c{cid}", who, rng.choice(GENERIC), "no", ""])
    return creators, posts, history, comments, labels


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def main():
    small = "--small" in sys.argv
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "fixtures", "validation")
    out = os.path.normpath(os.path.join(root, "small" if small else "full"))
    os.makedirs(out, exist_ok=True)
    creators, posts, history, comments, labels = build(small)
    write(os.path.join(out, "creators.csv"),
          ["Instagram handle", "Network", "Name", "Follower count", "Following count", "Niche", "Country code"], creators)
    write(os.path.join(out, "posts.csv"),
          ["Account", "Post link", "Date posted", "Post type", "Like count", "Comment count", "Accounts reached",
           "Is sponsored", "Has #ad", "Tags"], posts)
    write(os.path.join(out, "follower_history.csv"), ["Account", "Snapshot date", "Followers on date"], history)
    write(os.path.join(out, "comments.csv"),
          ["Post owner", "Post link", "Comment key", "Commenter username", "Message", "By creator", "Reply to"], comments)
    write(os.path.join(out, "labels.csv"), ["handle", "kind"], labels)
    print(f"{out}: {len(creators)} creators, {len(posts)} posts, {len(history)} follower rows, {len(comments)} comments")


if __name__ == "__main__":
    main()
