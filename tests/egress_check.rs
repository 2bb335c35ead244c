//! Zero egress, checked (issue #12): reads the syscall trace `scripts/egress.sh` records
//! (`strace -f -e trace=connect,sendto,sendmsg,sendmmsg,execve`) while the real app runs a
//! full session inside a network namespace holding only loopback, and fails on every socket
//! address that is not local. The rules and why each allowed address is allowed are in
//! docs/PRIVACY.md ("Nothing leaves the machine").
//!
//! `FOOTPRINT_EGRESS_TRACE` names the trace; without it only the parser's own tests run and
//! the trace check prints that it was not given one.

use std::net::{Ipv4Addr, Ipv6Addr};

/// One socket address a traced process sent to or connected to.
#[derive(Debug, Clone, PartialEq)]
enum Destination {
    Inet { addr: String, port: u16 },
    Inet6 { addr: String, port: u16 },
    /// A Unix socket: its path, `@...` for an abstract name, empty for an unnamed one.
    Unix(String),
    /// Kernel-internal: netlink (route and link queries), AF_UNSPEC (dissolving a UDP
    /// association).
    Kernel,
    Other(String),
}

/// A destination the checker refuses, with the trace line it came from.
#[derive(Debug, PartialEq)]
struct Violation {
    line: usize,
    why: String,
    text: String,
}

const CALLS: [&str; 4] = ["connect(", "sendto(", "sendmsg(", "sendmmsg("];

/// The socket addresses named on one strace line (none for other calls, or sends on an
/// already connected socket, whose address is `NULL`).
fn destinations(line: &str) -> Vec<Destination> {
    let Some(call) = CALLS.iter().filter_map(|c| line.find(c)).min() else {
        return vec![];
    };
    let mut out = Vec::new();
    let mut rest = &line[call..];
    while let Some(at) = rest.find("{sa_family=") {
        let body = &rest[at + "{sa_family=".len()..];
        let end = closing_brace(body);
        out.push(parse_sockaddr(&body[..end]));
        rest = &body[end..];
    }
    out
}

/// Where the `{` just before `s` closes, skipping quoted strings.
fn closing_brace(s: &str) -> usize {
    let (mut depth, mut quoted, mut escaped) = (0usize, false, false);
    for (i, c) in s.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '{' if !quoted => depth += 1,
            '}' if !quoted && depth == 0 => return i,
            '}' if !quoted => depth -= 1,
            _ => {}
        }
    }
    s.len()
}

/// `AF_INET, sin_port=htons(443), sin_addr=inet_addr("93.184.216.34")` and its kin.
fn parse_sockaddr(s: &str) -> Destination {
    let family = s.split(',').next().unwrap_or("").trim();
    let port = || between(s, "port=htons(", ")").and_then(|p| p.parse().ok()).unwrap_or(0);
    match family {
        "AF_INET" => Destination::Inet {
            addr: between(s, "inet_addr(\"", "\"").unwrap_or("?").to_string(),
            port: port(),
        },
        "AF_INET6" => Destination::Inet6 {
            addr: between(s, "inet_pton(AF_INET6, \"", "\"").unwrap_or("?").to_string(),
            port: port(),
        },
        "AF_UNIX" | "AF_LOCAL" => {
            let path = if let Some(p) = between(s, "sun_path=@\"", "\"") {
                format!("@{p}")
            } else {
                between(s, "sun_path=\"", "\"").unwrap_or("").to_string()
            };
            Destination::Unix(path)
        }
        "AF_NETLINK" | "AF_UNSPEC" => Destination::Kernel,
        other => Destination::Other(other.to_string()),
    }
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = s.find(start)? + start.len();
    let len = s[from..].find(end)?;
    Some(&s[from..from + len])
}

/// Unix sockets a desktop app on Linux talks to, all on this machine: the X display
/// (Xvfb), the D-Bus session and system buses, the accessibility (AT-SPI) bus (in the user's
/// runtime folder, or `~/.cache/at-spi/bus_<display>` where there is none, as in CI), and the
/// system log. A path outside this list fails: it could be a proxy or a resolver that
/// reaches the network for the app (nscd, for one, resolves host names).
fn allowed_unix(path: &str) -> Result<(), String> {
    let p = path.strip_prefix('@').unwrap_or(path);
    let numbered = |prefix: &str| p.strip_prefix(prefix).is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    let user_runtime = |tail: &str| {
        p.strip_prefix("/run/user/")
            .and_then(|r| r.split_once('/'))
            .is_some_and(|(uid, rest)| uid.chars().all(|c| c.is_ascii_digit()) && (rest == tail || rest.starts_with(&format!("{tail}/"))))
    };
    let ok = path.is_empty() // unnamed (a socketpair's peer)
        || numbered("/tmp/.X11-unix/X")
        || p == "/run/dbus/system_bus_socket"
        || p == "/var/run/dbus/system_bus_socket"
        || user_runtime("bus")
        || user_runtime("at-spi")
        || at_spi_in_cache(p)
        || p.starts_with("/tmp/dbus-")
        || p == "/run/systemd/journal/socket"
        || p == "/dev/log";
    if ok {
        Ok(())
    } else {
        Err(format!("Unix socket {path} is not one of the desktop's local services"))
    }
}

/// AT-SPI's bus socket without a runtime folder: `<home>/.cache/at-spi/bus` or `bus_<display>`.
fn at_spi_in_cache(p: &str) -> bool {
    p.starts_with('/')
        && p.rsplit_once("/.cache/at-spi/").is_some_and(|(_, name)| {
            name == "bus" || name.strip_prefix("bus_").is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        })
}

/// glibc asks the name service cache daemon for user and group names before reading
/// /etc/passwd. nscd resolves host names too, so only an attempt that found no nscd listening
/// is harmless; a connection that reached one fails the check.
const NSCD: [&str; 2] = ["/var/run/nscd/socket", "/run/nscd/socket"];

/// Why `d`, named by a call that `failed` or not, is not allowed, if it is not.
fn refuse(d: &Destination, failed: bool) -> Option<String> {
    // A name lookup is the first step of every connection out, even to a local resolver.
    let dns = |port: u16| (port == 53).then(|| "a DNS query (port 53)".to_string());
    match d {
        Destination::Inet { addr, port } => dns(*port).or_else(|| match addr.parse::<Ipv4Addr>() {
            Ok(ip) if ip.is_loopback() => None,
            _ => Some(format!("IPv4 {addr}:{port} is not loopback (127.0.0.0/8)")),
        }),
        Destination::Inet6 { addr, port } => dns(*port).or_else(|| match addr.parse::<Ipv6Addr>() {
            Ok(ip) if ip.is_loopback() => None,
            Ok(ip) if ip.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback()) => None,
            _ => Some(format!("IPv6 [{addr}]:{port} is not loopback (::1)")),
        }),
        Destination::Unix(path) if NSCD.contains(&path.as_str()) => {
            (!failed).then(|| format!("Unix socket {path}: reached the name service cache, which also resolves host names"))
        }
        Destination::Unix(path) => allowed_unix(path).err(),
        Destination::Kernel => None,
        Destination::Other(family) => Some(format!("socket family {family}")),
    }
}

/// The trace's calls, one per item with the number of the line where each began: with
/// `-f`, a call another process interrupts is split into `... <unfinished ...>` and, later,
/// `PID <... call resumed>...`; the two halves are joined here.
fn calls(trace: &str) -> Vec<(usize, String)> {
    let mut pending: std::collections::HashMap<&str, (usize, &str)> = Default::default();
    let mut out = Vec::new();
    for (i, line) in trace.lines().enumerate() {
        let pid = line.split_whitespace().next().unwrap_or("");
        if let Some(head) = line.strip_suffix(" <unfinished ...>") {
            pending.insert(pid, (i + 1, head));
        } else if let Some(at) = line.find("<... ") {
            let tail = line[at..].split_once(" resumed>").map_or("", |(_, t)| t);
            if let Some((n, head)) = pending.remove(pid) {
                out.push((n, format!("{head}{tail}")));
            }
        } else {
            out.push((i + 1, line.to_string()));
        }
    }
    // A call cut off by the end of the trace (its process was killed) still counts.
    out.extend(pending.into_values().map(|(n, head)| (n, head.to_string())));
    out.sort_by_key(|(n, _)| *n);
    out
}

/// Whether the call on `line` returned an error (`= -1 ENOENT ...`). strace pads a resumed
/// call's result into a column: `<... connect resumed>)            = -1 ENOENT`.
fn failed(line: &str) -> bool {
    line.rsplit_once(" = ")
        .is_some_and(|(call, result)| call.trim_end().ends_with(')') && result.starts_with("-1"))
}

/// Every refused destination in a whole trace.
fn check(trace: &str) -> Vec<Violation> {
    calls(trace)
        .into_iter()
        .flat_map(|(line, text)| {
            let failed = failed(&text);
            destinations(&text)
                .into_iter()
                .filter_map(|d| refuse(&d, failed))
                .map(|why| Violation { line, why, text: text.clone() })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Programs the trace shows started (`execve("/path", ...) = 0`).
fn started(trace: &str) -> Vec<String> {
    calls(trace)
        .into_iter()
        .filter(|(_, l)| l.contains("execve(") && l.trim_end().ends_with("= 0"))
        .filter_map(|(_, l)| between(&l, "execve(\"", "\"").map(str::to_string))
        .collect()
}

#[test]
fn the_recorded_session_sent_nothing_off_the_machine() {
    let Some(path) = std::env::var_os("FOOTPRINT_EGRESS_TRACE") else {
        eprintln!("NOTICE: no trace to check (FOOTPRINT_EGRESS_TRACE unset); scripts/egress.sh records one and runs this test on it");
        return;
    };
    let trace = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading the trace {}: {e}", path.to_string_lossy()));
    // The trace must have seen the whole chain, or its silence proves nothing.
    let programs = started(&trace);
    for wanted in ["tauri-driver", "WebKitWebDriver", "footprint-app"] {
        assert!(
            programs.iter().any(|p| p.ends_with(wanted)),
            "the trace never saw {wanted} start (programs started: {programs:?})"
        );
    }
    let calls = calls(&trace).iter().filter(|(_, l)| !destinations(l).is_empty()).count();
    assert!(calls > 0, "the trace holds no socket address at all: was strace tracing sockets?");
    let bad = check(&trace);
    eprintln!(
        "egress check: {} lines, {calls} socket addresses, {} programs started, {} refused",
        trace.lines().count(),
        programs.len(),
        bad.len()
    );
    assert!(
        bad.is_empty(),
        "the app tried to reach beyond the machine:\n{}",
        bad.iter().map(|v| format!("line {}: {}\n    {}", v.line, v.why, v.text)).collect::<Vec<_>>().join("\n")
    );
}

#[cfg(test)]
mod parser {
    use super::*;

    #[test]
    fn a_connection_to_a_public_address_fails_the_check() {
        let trace = "4242  connect(31, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr(\"93.184.216.34\")}, 16) = -1 ENETUNREACH (Network is unreachable)\n";
        let bad = check(trace);
        assert_eq!(bad.len(), 1, "{bad:?}");
        assert_eq!(bad[0].line, 1);
        assert!(bad[0].why.contains("93.184.216.34:443"), "{}", bad[0].why);
    }

    #[test]
    fn loopback_and_the_desktop_sockets_pass() {
        let trace = [
            "100 connect(3, {sa_family=AF_INET, sin_port=htons(4444), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0",
            "100 connect(3, {sa_family=AF_INET6, sin6_port=htons(4445), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0",
            "101 connect(5, {sa_family=AF_UNIX, sun_path=@\"/tmp/.X11-unix/X99\"}, 20) = 0",
            "101 connect(6, {sa_family=AF_UNIX, sun_path=\"/run/user/0/bus\"}, 110) = 0",
            "101 connect(7, {sa_family=AF_UNIX, sun_path=\"/run/user/0/at-spi/bus_0\"}, 110) = 0",
            "101 connect(7, {sa_family=AF_UNIX, sun_path=\"/root/.cache/at-spi/bus_99\"}, 28) = 0",
            "102 sendto(8, \"\\24\\0\\0\\0\", 20, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 20",
            "102 sendto(9, \"GET /session HTTP/1.1\"..., 120, MSG_NOSIGNAL, NULL, 0) = 120",
            "103 sendmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"l\\0\", iov_len=2}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, MSG_NOSIGNAL) = 2",
            "103 <... connect resumed>) = 0",
        ]
        .join("\n");
        assert_eq!(check(&trace), vec![]);
        let first = trace.lines().next().unwrap();
        assert_eq!(destinations(first), vec![Destination::Inet { addr: "127.0.0.1".into(), port: 4444 }]);
    }

    #[test]
    fn public_ipv6_dns_other_sockets_and_hidden_destinations_fail() {
        let cases = [
            ("connect(3, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"2606:2800:220:1:248:1893:25c8:1946\", &sin6_addr), sin6_scope_id=0}, 28 <unfinished ...>", "IPv6"),
            ("sendto(4, \"\\1\\2\", 33, MSG_NOSIGNAL, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"127.0.0.53\")}, 16) = 33", "DNS"),
            ("sendmmsg(4, [{msg_hdr={msg_name={sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"10.0.0.1\")}, msg_namelen=16}, msg_len=33}], 1, MSG_NOSIGNAL) = 1", "DNS"),
            ("sendmsg(5, {msg_name={sa_family=AF_INET, sin_port=htons(3478), sin_addr=inet_addr(\"74.125.250.129\")}, msg_namelen=16, msg_iov=[], msg_iovlen=0}, 0) = 0", "74.125.250.129:3478"),
            ("connect(6, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = 0", "name service cache"),
            ("connect(7, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL)}, 20) = 0", "AF_PACKET"),
            ("connect(9, {sa_family=AF_UNIX, sun_path=\"/root/.cache/at-spi/proxy\"}, 28) = 0", "/root/.cache/at-spi/proxy"),
            ("connect(8, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"0.0.0.0\")}, 16) = 0", "0.0.0.0"),
        ];
        for (line, why) in cases {
            let bad = check(&format!("7 {line}"));
            assert_eq!(bad.len(), 1, "{line}: {bad:?}");
            assert!(bad[0].why.contains(why), "{line}: {}", bad[0].why);
        }
    }

    #[test]
    fn a_quoted_brace_does_not_end_the_address() {
        let line = "9 connect(3, {sa_family=AF_UNIX, sun_path=\"/tmp/x}y\"}, 110) = 0";
        assert_eq!(destinations(line), vec![Destination::Unix("/tmp/x}y".into())]);
        assert!(refuse(&destinations(line)[0], false).is_some());
    }

    #[test]
    fn the_programs_started_are_read_from_execve_even_when_interrupted() {
        let trace = "1 execve(\"/usr/bin/WebKitWebDriver\", [\"WebKitWebDriver\"], 0x7ffd /* 30 vars */) = 0\n\
                     2 execve(\"/usr/local/bin/nope\", [], 0x0) = -1 ENOENT (No such file or directory)\n\
                     3 execve(\"/root/.cargo/bin/tauri-driver\", [\"tauri-driver\"], 0x7fb4 /* 39 vars */ <unfinished ...>\n\
                     4 connect(5, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0\n\
                     3 <... execve resumed>) = 0\n";
        assert_eq!(started(trace), ["/usr/bin/WebKitWebDriver", "/root/.cargo/bin/tauri-driver"]);
    }

    #[test]
    fn an_interrupted_connect_keeps_its_address_and_result() {
        let trace = "6158 connect(40, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr(\"93.184.216.34\")}, 16 <unfinished ...>\n\
                     6159 sendto(3, \"x\", 1, 0, NULL, 0) = 1\n\
                     6158 <... connect resumed>) = -1 ENETUNREACH (Network is unreachable)\n";
        let bad = check(trace);
        assert_eq!(bad.len(), 1, "{bad:?}");
        assert_eq!(bad[0].line, 1);
        assert!(bad[0].text.ends_with("ENETUNREACH (Network is unreachable)"), "{}", bad[0].text);
    }

    #[test]
    fn a_failed_look_for_nscd_passes_a_reached_one_fails() {
        let line = |result: &str| format!("5 connect(11, {{sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}}, 110) = {result}");
        assert_eq!(check(&line("-1 ENOENT (No such file or directory)")), vec![]);
        assert_eq!(check(&line("0")).len(), 1);
        // Interrupted, then resumed with its result padded into strace's column.
        let split = "5 connect(11, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110 <unfinished ...>\n\
                     5 <... connect resumed>)            = -1 ENOENT (No such file or directory)\n";
        assert_eq!(check(split), vec![]);
    }
}
