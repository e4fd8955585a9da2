#!/usr/bin/env python3
"""The benchmark behind the speed figures of docs/benchmark.md (run it with bench/run, which prepares what it needs).

1. The ten core checks, two ways, alternating, five times each, against the same local wiki (local-vanilla):
   mwconform (`./mwconform run --tags <the ten>`) and the same checks written with Wikimedia's api-testing and
   mocha (bench/js). Median wall and CPU time of each, and their ratio.
2. The same two once more through a recording proxy: every HTTP round trip the run made (count, sum, the time
   at least one was in flight), the harness's overhead on top of the wiki's answer time, and the time from the
   command starting to its first request.
3. The full local matrix (every environments/local-*.yml): wall time directly, then once through the proxy for
   the same accounting.

The proxy forwards each request from the client's own loopback address (the harness gives every scenario its own,
for per-IP throttles), so it changes nothing the wiki sees but the port. It is only used for the accounting runs:
the timed runs talk to the wiki directly.
"""
import argparse
import http.client
import http.server
import json
import os
import re
import resource
import shutil
import socket
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

HOME = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEN = ["token-issued", "authmanagerinfo-describes-fields", "create-account-pass", "badretype", "userexists",
       "invalidemailaddress-no-at", "badtoken", "notoken", "mustpostparams", "missingparam"]
TAGS = " or ".join("@id:" + t for t in TEN)


def served_port(env_file):
    """Where this checkout's wiki of that file listens now, as the harness recorded it (./mwconform wiki status):
    the file's port is only a preference, another checkout may hold it."""
    out = subprocess.run([os.path.join(HOME, "mwconform"), "wiki", "status", env_file], capture_output=True, text=True).stdout
    m = re.search(r" up http://127\.0\.0\.1:(\d+)/", out)
    if not m:
        sys.exit("bench: %s is not up: %s" % (env_file, out.strip()))
    return int(m.group(1))


# --- a recording proxy --------------------------------------------------------------------------------------

class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.intervals = []  # (start, end) of each upstream round trip, perf_counter seconds

    def add(self, start, end):
        with self.lock:
            self.intervals.append((start, end))

    def reset(self):
        with self.lock:
            self.intervals = []

    def summary(self, command_started):
        iv = sorted(self.intervals)
        busy, cur_s, cur_e = 0.0, None, None
        for s, e in iv:
            if cur_e is None or s > cur_e:
                if cur_e is not None:
                    busy += cur_e - cur_s
                cur_s, cur_e = s, e
            else:
                cur_e = max(cur_e, e)
        if cur_e is not None:
            busy += cur_e - cur_s
        return {
            "requests": len(iv),
            "round_trip_sum": sum(e - s for s, e in iv),
            "in_flight": busy,
            "first_request": (iv[0][0] - command_started) if iv else None,
            "last_answer": (iv[-1][1] - command_started) if iv else None,
        }


def proxy(listen_port, upstream_port, recorder):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "keep-alive", "proxy-connection")}
            headers["Host"] = "127.0.0.1:%d" % upstream_port
            client_ip = self.client_address[0]
            start = time.perf_counter()
            conn = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=120, source_address=(client_ip, 0))
            conn.request(self.command, self.path, body=body, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
            end = time.perf_counter()
            conn.close()
            recorder.add(start, end)
            self.send_response_only(resp.status, resp.reason)
            for k, v in resp.getheaders():
                if k.lower() not in ("transfer-encoding", "connection", "content-length", "keep-alive"):
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = forward
        do_POST = forward

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True
        allow_reuse_address = True

    server = Server(("127.0.0.1", listen_port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- running a suite ----------------------------------------------------------------------------------------

def timed(command, env=None, cwd=HOME):
    """Wall and CPU seconds (user + system of the command and everything it waited for), and its exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.returncode, proc.stdout, started


def harness(env_files, reports, tags=None):
    """./mwconform run (stdout is a pipe: no progress lines); MWCONFORM_BENCH_JAR=JAR times another build's jar instead."""
    jar = os.environ.get("MWCONFORM_BENCH_JAR")
    launcher = ["java", "-Dmwconform.home=" + HOME, "-jar", jar] if jar else [os.path.join(HOME, "mwconform")]
    command = launcher + ["run", "--reports", reports]
    for f in env_files:
        command += ["--env", f]
    if tags:
        command += ["--tags", tags]
    return command


def mocha_env(base_uri, workdir):
    config = os.path.join(workdir, "api-testing.json")
    with open(config, "w") as f:
        json.dump({"base_uri": base_uri}, f)
    env = dict(os.environ)
    env["API_TESTING_CONFIG_FILE"] = config
    return env


MOCHA = [os.path.join(HOME, "bench/js/node_modules/.bin/mocha")]


def check(name, result):
    wall, cpu, code, output, _ = result
    if code != 0:
        sys.exit("bench: %s failed (exit %d):\n%s" % (name, code, output[-3000:]))


# The users ./mwconform wiki up provisions (LocalProvisioner): the creator, and the administrator who may block.
PROVISIONED = {"creator": ("Mwconform-creator", "creator-password"), "blocker": ("Admin", "admin-password")}


def proxied_environments(files, workdir, recorder):
    """Copies of the environment files (and their expectations) whose api goes through a recording proxy.

    The harness writes them (`mwconform wiki remote-copy`: Java reads and writes every environment file): remote-style
    copies without their `local:` block, since the wikis are already up and the harness manages a wiki by its own
    environment file, which a copy must not claim. The users `wiki up` provisioned are handed over as the environment
    variables the files name, as the harness does for a local deployment. Returns the files, the proxies and that
    environment."""
    target = os.path.join(workdir, "environments")
    shutil.copytree(os.path.join(HOME, "environments/expectations"), os.path.join(target, "expectations"))
    out, servers, env = [], [], dict(os.environ)
    for f in files:
        port = free_port()
        answer = subprocess.run([os.path.join(HOME, "mwconform"), "wiki", "remote-copy", f, "--port", str(port), "--out", target],
                                capture_output=True, text=True)
        if answer.returncode != 0:
            sys.exit("bench: wiki remote-copy %s: %s" % (f, (answer.stderr or answer.stdout).strip()))
        copy = json.loads(answer.stdout.strip().splitlines()[-1])
        served = urllib.parse.urlsplit(copy["served"])
        servers.append(proxy(port, served.port, recorder))
        for role, variable in (copy.get("credentials") or {}).items():
            user, password_file = PROVISIONED[role]
            path = os.path.join(copy["folder"], password_file)
            if variable not in env and os.path.exists(path):
                env[variable] = user + ":" + open(path).read().strip()
        out.append(copy["copy"])
    return out, servers, env


def fmt(s):
    return "%.2f s" % s


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--skip-matrix", action="store_true")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="mwconform-bench-")
    vanilla = os.path.join(HOME, "environments/local-vanilla.yml")
    base_uri = "http://127.0.0.1:%d/" % served_port(vanilla)
    env = mocha_env(base_uri, work)
    reports = os.path.join(work, "reports")

    # Warm-up, not counted: the wiki's caches, the page cache, the build.
    check("harness warm-up", timed(harness([vanilla], reports, TAGS)))
    check("mocha warm-up", timed(MOCHA, env=env, cwd=os.path.join(HOME, "bench/js")))

    rows = {"mwconform": [], "api-testing + mocha": []}
    for i in range(args.repeats):
        r = timed(harness([vanilla], reports, TAGS))
        check("mwconform", r)
        rows["mwconform"].append(r[:2])
        r = timed(MOCHA, env=env, cwd=os.path.join(HOME, "bench/js"))
        check("mocha", r)
        rows["api-testing + mocha"].append(r[:2])
        print("  round %d: mwconform %.2f s wall / %.2f s CPU, api-testing + mocha %.2f s wall / %.2f s CPU"
              % (i + 1, rows["mwconform"][-1][0], rows["mwconform"][-1][1],
                 rows["api-testing + mocha"][-1][0], rows["api-testing + mocha"][-1][1]), flush=True)

    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in rows.items()}
    h, j = med["mwconform"], med["api-testing + mocha"]
    print()
    print("The ten core checks on local-vanilla, median of %d, alternating:" % args.repeats)
    print("| suite | wall | CPU |")
    print("| --- | --- | --- |")
    for k, (w, c) in med.items():
        print("| %s | %s | %s |" % (k, fmt(w), fmt(c)))
    print("| ratio mwconform / api-testing | %.2f | %.2f |" % (h[0] / j[0], h[1] / j[1]))

    # Accounting through the recording proxy.
    recorder = Recorder()
    proxied, servers, proxied_env = proxied_environments([vanilla], os.path.join(work, "ten"), recorder)
    print()
    print("Round trips of the ten core checks (through a recording proxy):")
    print("| suite | requests | round trips, summed | wiki busy (>= 1 in flight) | wall | overhead on top of busy | start to first request |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, command, cenv, cwd in (
            ("mwconform", harness(proxied, reports, TAGS), proxied_env, HOME),
            ("api-testing + mocha", MOCHA, mocha_env("http://127.0.0.1:%d/" % servers[0].server_address[1], work),
             os.path.join(HOME, "bench/js"))):
        recorder.reset()
        r = timed(command, env=cenv, cwd=cwd)
        check(name + " (proxied)", r)
        s = recorder.summary(r[4])
        print("| %s | %d | %s | %s | %s | %s (%.0f %%) | %s |" % (
            name, s["requests"], fmt(s["round_trip_sum"]), fmt(s["in_flight"]), fmt(r[0]),
            fmt(r[0] - s["in_flight"]), 100 * (r[0] - s["in_flight"]) / s["in_flight"], fmt(s["first_request"])))
    for s in servers:
        s.shutdown()

    if args.skip_matrix:
        return
    local = sorted(os.path.join(HOME, "environments", f) for f in os.listdir(os.path.join(HOME, "environments"))
                   if f.startswith("local-") and f.endswith(".yml") and not f.endswith(".expectations.yml"))
    r = timed(harness(local, reports))
    wall_direct = r[0]
    matrix_summary = [l for l in r[3].splitlines() if "passed," in l]
    recorder = Recorder()
    proxied, servers, proxied_env = proxied_environments(local, os.path.join(work, "matrix"), recorder)
    r2 = timed(harness(proxied, reports), env=proxied_env)
    s = recorder.summary(r2[4])
    print()
    print("The full local matrix (%d deployments), exit %d: %s wall, %s CPU (direct)" % (len(local), r[2], fmt(wall_direct), fmt(r[1])))
    for line in matrix_summary:
        print("  " + line)
    print("  through the proxy: %s wall, %d requests, round trips summed %s, wiki busy %s, overhead on top of busy %s (%.0f %%), "
          "start to first request %s" % (fmt(r2[0]), s["requests"], fmt(s["round_trip_sum"]), fmt(s["in_flight"]),
                                         fmt(r2[0] - s["in_flight"]), 100 * (r2[0] - s["in_flight"]) / s["in_flight"],
                                         fmt(s["first_request"])))
    for s in servers:
        s.shutdown()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
