"""POST-to-searchable latency of corrections against a running Vigía (see correction-visibility.sh).

Each round takes the next article and alternates two kinds of correction, each checked in the
search that filters on the corrected value:
  - its stance toward the target set to a label other than the current one: visible once
    /api/articles?stance=TARGET:LABEL lists the article;
  - marked off topic: visible once /api/articles?relevant=false lists it (and it is then taken back
    with DELETE, timed the same way: visible once the default search lists it again).
The clock starts just before the request is sent; the POST itself answers once the correction is
applied, so the first search after it normally shows it; the search is repeated every 10 ms until it
does (timeout 30 s, counted as a failure). At the end every correction made is taken back.
"""
import json
import os
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

BASE, N = sys.argv[1].rstrip("/"), int(sys.argv[2])
KEY = os.environ.get("VIGIA_API_KEY", "")
TARGET = os.environ.get("VIGIA_BENCH_TARGET", "maduro-government")


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("Accept", "application/json")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if KEY:
        req.add_header("Authorization", "Bearer " + KEY)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def ids(query):
    status, body = call("GET", "/api/articles?" + urllib.parse.urlencode(query))
    if status != 200:
        raise SystemExit("search failed: %s %s" % (status, body))
    return {a["id"] for a in body.get("articles", [])}


def until(check):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.01)
    return False


def percentile(xs, p):
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, int(round(p / 100.0 * len(s) + 0.5)) - 1))]


status, listing = call("GET", "/api/articles?size=100")
articles = [a["id"] for a in listing.get("articles", [])]
if not articles:
    raise SystemExit("no articles to correct at " + BASE)
labels = ["favor", "against", "neutral"]
times, post_times, failures, touched, deletes = [], [], 0, set(), 0
for i in range(N):
    aid = articles[i % len(articles)]
    touched.add(aid)
    if i % 2 == 0:
        status, current = call("GET", "/api/articles/" + aid)
        now = next((s["label"] for s in current.get("stance", []) if s["target"] == TARGET), "neutral")
        label = labels[(labels.index(now) + 1 + (i // 2) % 2) % 3]
        t0 = time.monotonic()
        status, body = call("POST", "/api/articles/%s/corrections" % aid,
                            {"stance": {"target": TARGET, "label": label}, "note": "bench"})
        posted = time.monotonic()
        ok = status == 201 and until(lambda: aid in ids({"stance": TARGET + ":" + label, "size": 100}))
    else:
        t0 = time.monotonic()
        status, body = call("POST", "/api/articles/%s/corrections" % aid, {"relevant": False})
        posted = time.monotonic()
        ok = status == 201 and until(lambda: aid in ids({"relevant": "false", "size": 100}))
        if ok:
            times.append(time.monotonic() - t0)
            post_times.append(posted - t0)
            t0 = time.monotonic()
            deletes += 1
            status, body = call("DELETE", "/api/articles/%s/corrections/relevant" % aid)
            posted = time.monotonic()
            ok = status == 200 and until(lambda: aid in ids({"size": 100}))
    if ok:
        times.append(time.monotonic() - t0)
        post_times.append(posted - t0)
    else:
        failures += 1
        print("not visible within 30 s: %s (HTTP %s %s)" % (aid, status, body), file=sys.stderr)

for aid in touched:  # leave the pipeline as the machine judged it
    status, listed = call("GET", "/api/articles/%s/corrections" % aid)
    for c in listed.get("corrections", []):
        call("DELETE", "/api/articles/%s/corrections/%s" % (aid, urllib.parse.quote(c["field"], safe="")))

if not times:
    raise SystemExit("no correction became visible")
print("RESULT correction-visibility timed=%d (posts=%d deletes=%d) failures=%d p50_s=%.3f p99_s=%.3f max_s=%.3f "
      "post_p50_s=%.3f post_p99_s=%.3f within_2s=%.1f%%" % (
          len(times), N, deletes, failures, statistics.median(times), percentile(times, 99), max(times),
          statistics.median(post_times), percentile(post_times, 99),
          100.0 * sum(1 for t in times if t < 2.0) / len(times)))
