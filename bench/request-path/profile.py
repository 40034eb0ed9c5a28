#!/usr/bin/env python3
"""Where the CPU time of a JFR recording goes. Each execution sample is charged to one
group: the group of the frame nearest the top of its stack that belongs to any group
(so a HashMap lookup made by the authorization rules is charged to them, and a filter's
own work is not charged to the filters around it). Usage: profile.py recording.jfr [top]
prints each group's share of the samples and the methods with the most self time."""
import collections
import json
import os
import subprocess
import sys

GROUPS = [
    ("inspection (PII, tokens, SHA-256)", ("io.costlens.inspection.",)),
    ("JSON read and write (Jackson)", ("tools.jackson.", "com.fasterxml.jackson.", "org.springframework.http.converter.")),
    ("bean validation", ("org.hibernate.validator.", "jakarta.validation.")),
    ("JDBC, pool, SQL", ("org.postgresql.", "com.zaxxer.hikari.", "org.springframework.jdbc.", "org.h2.",
                         "org.springframework.transaction.")),
    ("group-commit hand-over", ("io.costlens.platform.GroupCommitter",)),
    ("logging", ("ch.qos.logback.", "org.slf4j.", "org.apache.logging.")),
    ("metrics and observations", ("io.micrometer.", "org.springframework.web.filter.ServerHttpObservationFilter",
                                  "org.springframework.security.web.ObservationFilterChainDecorator",
                                  "org.springframework.http.server.observation.")),
    ("rate limiting", ("io.costlens.platform.ratelimit.", "io.github.bucket4j.")),
    ("authentication (API key, JWT)", ("io.costlens.accounts.", "io.costlens.platform.security.ApiCredentialsFilter",
                                       "org.springframework.security.authentication.")),
    ("security headers", ("org.springframework.security.web.header.",)),
    ("authorization rules", ("org.springframework.security.web.access.", "org.springframework.security.authorization.",
                             "org.springframework.security.web.util.matcher.",
                             "org.springframework.security.web.servlet.util.matcher.")),
    ("other Spring Security", ("org.springframework.security.",)),
    ("correlation id", ("io.costlens.platform.observability.",)),
    ("body size limit", ("io.costlens.platform.web.RequestSizeLimitFilter",)),
    ("health probes", ("io.costlens.platform.health.",)),
    ("Costlens controllers and services", ("io.costlens.",)),
    ("Spring MVC", ("org.springframework.web.servlet.", "org.springframework.web.method.",
                    "org.springframework.web.bind.", "org.springframework.web.context.",
                    "org.springframework.web.util.", "org.springframework.http.")),
    ("other servlet filters", ("org.springframework.web.filter.", "org.springframework.boot.web.")),
    ("nested-jar loader", ("org.springframework.boot.loader.",)),
    ("other Spring", ("org.springframework.",)),
    ("Tomcat (HTTP, connector, servlet plumbing)", ("org.apache.", "jakarta.servlet.")),
]


def group_of(frame):
    for label, prefixes in GROUPS:
        if frame.startswith(prefixes):
            return label
    return None


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "jfr")
    out = subprocess.run([jfr, "print", "--json", "--stack-depth", "512", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    events = json.loads(out)["recording"]["events"]
    charged = collections.Counter()
    selfs = collections.Counter()
    for e in events:
        stack = e["values"].get("stackTrace") or {}
        names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
                 for f in stack.get("frames", [])]
        if names:
            selfs[names[0]] += 1
        charged[next((g for g in map(group_of, names) if g), "JDK and other (threads, GC-free runtime)")] += 1
    total = len(events) or 1
    print(f"{os.path.basename(path)}: {len(events)} execution samples, each charged to one group")
    for label, n in charged.most_common():
        print(f"  {100 * n / total:5.1f} %  {label}")
    print("  top self time:")
    for name, n in selfs.most_common(top):
        print(f"    {100 * n / total:5.1f} %  {name}")


main()
