//! Links found in exports: which site a link points to, and where an ad click really went.
//!
//! An ad click in an export rarely links to the advertiser. It links to a click tracker,
//! often to a tracker that links to another tracker, each carrying the next address in its
//! query string:
//!
//! - `https://www.google.com/url?q=<destination>&usg=…` (also `url=`, any `google.<tld>`),
//! - `https://www.googleadservices.com/pagead/aclk?sa=L&ai=…&adurl=<destination>`,
//! - `https://clickserve.dartsearch.net/link/click?lid=…&ds_dest_url=<destination>`,
//! - `https://ad.doubleclick.net/ddm/clk/123;456;x;?<destination>` (the destination is the
//!   whole query string, not a parameter),
//!
//! nested (`adurl=` holding a `clickserve` link that holds `ds_dest_url=`), percent-encoded
//! once or twice, or not encoded at all (then the inner link's own `&` split the outer query).
//! [`destination`] follows such a chain to its end, at most [`MAX_HOPS`] trackers deep;
//! [`destination_host`] gives the site's domain (`nike.com`), which is what names the
//! advertiser. A tracker whose destination cannot be read (an encrypted `aclk` without
//! `adurl`) has no destination: the tracker's own domain never stands for the advertiser.
//!
//! Platform-neutral: the trackers are ad-tech services, used in whatever export an ad click
//! lands in. [`REDIRECTORS`] is the one table that knows them.

use url::Url;

/// How many trackers deep a chain is followed. Real chains are two or three deep; the bound
/// keeps a hostile link (a tracker pointing at itself a thousand times) cheap.
pub const MAX_HOPS: usize = 8;
/// Longer links are not parsed (real tracker links are a few hundred bytes to a few KiB).
const MAX_URL_BYTES: usize = 16 * 1024;
/// How often a parameter's value is percent-decoded again when it does not read as a link
/// yet (`https%253A%252F%252F…` is encoded twice).
const MAX_DECODES: usize = 3;

/// Which hosts a tracker answers on.
enum HostMatch {
    /// The domain and its subdomains (`googleadservices.com`, `www.googleadservices.com`).
    Domain(&'static str),
    /// The brand under any country domain: `google.com`, `google.de`, `google.co.uk`.
    Brand(&'static str),
}

/// A click tracker: where it lives and where it keeps the destination.
struct Redirector {
    host: HostMatch,
    /// Path prefixes (whole segments) that are the redirect endpoint.
    paths: &'static [&'static str],
    /// Query parameters holding the destination, tried in order.
    params: &'static [&'static str],
    /// The whole query string is the destination (DoubleClick's `…;?https://advertiser`).
    bare_query: bool,
}

/// Every tracker form known. Add a form here (with a test below), nowhere else.
const REDIRECTORS: &[Redirector] = &[
    Redirector {
        host: HostMatch::Brand("google"),
        paths: &["/url", "/aclk", "/pagead/aclk"],
        params: &["q", "url", "adurl"],
        bare_query: false,
    },
    Redirector {
        host: HostMatch::Domain("googleadservices.com"),
        paths: &["/pagead/aclk", "/aclk"],
        params: &["adurl"],
        bare_query: false,
    },
    Redirector {
        host: HostMatch::Domain("googleads.g.doubleclick.net"),
        paths: &["/aclk", "/pagead/aclk"],
        params: &["adurl"],
        bare_query: false,
    },
    Redirector {
        host: HostMatch::Domain("ad.doubleclick.net"),
        paths: &["/ddm/clk", "/ddm/trackclk", "/clk", "/searchads/link/click"],
        params: &["ds_dest_url", "adurl"],
        bare_query: true,
    },
    Redirector {
        host: HostMatch::Domain("clickserve.dartsearch.net"),
        paths: &["/link/click"],
        params: &["ds_dest_url"],
        bare_query: false,
    },
    Redirector {
        host: HostMatch::Domain("youtube.com"),
        paths: &["/redirect"],
        params: &["q"],
        bare_query: false,
    },
    Redirector {
        host: HostMatch::Domain("l.facebook.com"),
        paths: &["/l.php"],
        params: &["u"],
        bare_query: false,
    },
    Redirector {
        host: HostMatch::Domain("l.instagram.com"),
        paths: &["/"],
        params: &["u"],
        bare_query: false,
    },
];

/// The domain a link points to: lowercase, without `www.`, port, credentials or a trailing
/// dot (`HTTPS://WWW.Nike.com:443/x` gives `nike.com`). `None` for anything that is not an
/// `http(s)` link to a named host (IP addresses and `localhost` name no company).
pub fn host(link: &str) -> Option<String> {
    parse_http(link).and_then(|u| domain_of(&u))
}

/// Where `link` finally leads once every click tracker in front of it is followed (see the
/// module docs). A link that is no tracker is its own destination. `None` when `link` is not
/// an `http(s)` link, or a tracker's destination cannot be read within [`MAX_HOPS`].
pub fn destination(link: &str) -> Option<String> {
    let start = parse_http(link)?;
    follow(start, MAX_HOPS).map(String::from)
}

/// The domain of [`destination`]: the advertiser's own site behind an ad click.
pub fn destination_host(link: &str) -> Option<String> {
    let start = parse_http(link)?;
    follow(start, MAX_HOPS).and_then(|u| domain_of(&u))
}

/// `link` is a click tracker of the table (whatever its destination).
pub fn is_tracker(link: &str) -> bool {
    parse_http(link).is_some_and(|u| tracker_of(&u).is_some())
}

/// Follow trackers from `at`, `hops` deep at most.
fn follow(at: Url, hops: usize) -> Option<Url> {
    let Some(tracker) = tracker_of(&at) else {
        return Some(at);
    };
    if hops == 0 {
        return None;
    }
    // Each candidate is a reading of the tracker's query; the first that leads somewhere
    // wins (a decoded parameter first, the raw rest of the query for unencoded nesting).
    candidates(tracker, &at)
        .into_iter()
        .find_map(|next| follow(next, hops - 1))
}

fn tracker_of(u: &Url) -> Option<&'static Redirector> {
    let host = u.host_str()?;
    let path = u.path().to_ascii_lowercase();
    REDIRECTORS.iter().find(|r| {
        let host_ok = match r.host {
            HostMatch::Domain(d) => host == d || host.ends_with(&format!(".{d}")),
            HostMatch::Brand(b) => is_brand_host(host, b),
        };
        host_ok
            && r.paths.iter().any(|p| {
                *p == "/"
                    || path == *p
                    || path
                        .strip_prefix(p)
                        .is_some_and(|rest| rest.starts_with('/') || rest.starts_with(';'))
            })
    })
}

/// The destinations a tracker link may carry, most likely first.
fn candidates(r: &Redirector, u: &Url) -> Vec<Url> {
    let mut out = Vec::new();
    let raw_query = u.query().unwrap_or("");
    for param in r.params {
        if let Some((_, value)) = u.query_pairs().find(|(k, _)| k == *param) {
            if let Some(next) = decode_link(&value) {
                out.push(next);
            }
        }
        // Unencoded nesting: `adurl=https://clickserve…/click?lid=1&ds_dest_url=https://…`
        // split at the inner `&`. The destination parameter comes last in these trackers,
        // so the rest of the raw query is the whole inner link.
        if let Some(rest) = raw_rest_after(raw_query, param) {
            if let Some(next) = decode_link(rest) {
                if !out.contains(&next) {
                    out.push(next);
                }
            }
        }
    }
    if r.bare_query && !raw_query.is_empty() {
        if let Some(next) = decode_link(raw_query) {
            out.push(next);
        }
    }
    out
}

/// The raw query text after `param=` (at the start or after a `&`), to the end.
fn raw_rest_after<'q>(query: &'q str, param: &str) -> Option<&'q str> {
    let needle = format!("{param}=");
    let mut from = 0;
    while let Some(at) = query[from..].find(&needle) {
        let start = from + at;
        if start == 0 || query.as_bytes()[start - 1] == b'&' {
            return Some(&query[start + needle.len()..]);
        }
        from = start + needle.len();
    }
    None
}

/// A parameter value as a link, percent-decoded again while it does not read as one yet.
fn decode_link(value: &str) -> Option<Url> {
    let mut text = value.trim().to_string();
    for _ in 0..=MAX_DECODES {
        if let Some(u) = parse_http(&text) {
            return Some(u);
        }
        let decoded = percent_encoding::percent_decode_str(&text)
            .decode_utf8_lossy()
            .into_owned();
        if decoded == text {
            return None;
        }
        text = decoded;
    }
    None
}

/// An absolute `http(s)` link to a named host. Scheme-relative (`//www.x.com/`) and bare
/// `www.` forms, which trackers also carry, are read as `https`.
fn parse_http(link: &str) -> Option<Url> {
    let link = link.trim();
    if link.is_empty() || link.len() > MAX_URL_BYTES {
        return None;
    }
    let lower_start = link.get(..8).unwrap_or(link).to_ascii_lowercase();
    let absolute = if link.starts_with("//") {
        format!("https:{link}")
    } else if lower_start.starts_with("www.") {
        format!("https://{link}")
    } else if lower_start.starts_with("http://") || lower_start.starts_with("https://") {
        link.to_string()
    } else {
        return None;
    };
    let u = Url::parse(&absolute).ok()?;
    matches!(u.host(), Some(url::Host::Domain(_))).then_some(u)
}

fn domain_of(u: &Url) -> Option<String> {
    let host = u.host_str()?.trim_end_matches('.');
    let host = host.strip_prefix("www.").unwrap_or(host);
    let plausible = host.contains('.')
        && host
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'));
    plausible.then(|| host.to_string())
}

/// `host` is `brand.<tld>` or `brand.<2nd-level>.<cc>` (`google.co.uk`, `google.com.br`),
/// with any subdomains: `www.google.de` yes, `google.example.com` no.
pub fn is_brand_host(host: &str, brand: &str) -> bool {
    let labels: Vec<&str> = host.trim_end_matches('.').split('.').collect();
    let n = labels.len();
    (n >= 2 && labels[n - 2] == brand)
        || (n >= 3
            && labels[n - 3] == brand
            && labels[n - 2].len() <= 3
            && labels[n - 1].len() == 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every tracker form, and the nestings and encodings seen in exports.
    #[test]
    fn unwraps_every_tracker_form() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "google url?q=",
                "https://www.google.com/url?q=https://www.nike.com/de/running&usg=AOvVaw1",
                Some("nike.com"),
            ),
            (
                "google url?q= percent-encoded",
                "https://www.google.com/url?q=https%3A%2F%2Fshop.example.org%2Fa%3Fb%3Dc&sa=D",
                Some("shop.example.org"),
            ),
            (
                "google country domain, url=",
                "https://www.google.de/url?sa=t&url=https://www.zalando.de/&ved=x",
                Some("zalando.de"),
            ),
            (
                "google.co.uk aclk adurl=",
                "https://www.google.co.uk/aclk?sa=l&ai=DChcSEw&adurl=https://www.boots.com/",
                Some("boots.com"),
            ),
            (
                "googleadservices aclk adurl=",
                "https://www.googleadservices.com/pagead/aclk?sa=L&ai=DChcSEwi&ohost=www.google.com&cid=CAESQ&sig=AOD64_3&q&adurl=https://www.ikea.com/fr/&ved=2ahU",
                Some("ikea.com"),
            ),
            (
                "googleads.g.doubleclick aclk",
                "https://googleads.g.doubleclick.net/aclk?sa=l&ai=C1&adurl=https%3A%2F%2Fwww.lidl.de%2F",
                Some("lidl.de"),
            ),
            (
                "clickserve ds_dest_url=",
                "https://clickserve.dartsearch.net/link/click?lid=43700001542753195&ds_s_kwgid=58700000179453060&ds_e_adid=79645889933168&ds_url_v=2&ds_dest_url=https://www.booking.com/index.html?aid=1",
                Some("booking.com"),
            ),
            (
                "doubleclick ddm/clk bare query",
                "https://ad.doubleclick.net/ddm/clk/412345678;234567890;u;?https://www.zalando.fr/promo/",
                Some("zalando.fr"),
            ),
            (
                "doubleclick trackclk, encoded bare query",
                "https://ad.doubleclick.net/ddm/trackclk/N1234.5678SITE/B2345;dc_trk_aid=1;dc_trk_cid=2?https%3A%2F%2Fwww.decathlon.de%2F",
                Some("decathlon.de"),
            ),
            (
                "doubleclick searchads ds_dest_url",
                "https://ad.doubleclick.net/searchads/link/click?lid=1&ds_url_v=2&ds_dest_url=https://www.otto.de/",
                Some("otto.de"),
            ),
            (
                "nested: adurl= holding clickserve, encoded once",
                "https://www.googleadservices.com/pagead/aclk?sa=L&ai=x&adurl=https://clickserve.dartsearch.net/link/click%3Flid%3D1%26ds_dest_url%3Dhttps%253A%252F%252Fwww.hellofresh.de%252F",
                Some("hellofresh.de"),
            ),
            (
                "nested without encoding: the inner & splits the outer query",
                "https://www.googleadservices.com/pagead/aclk?sa=L&ai=x&adurl=https://clickserve.dartsearch.net/link/click?lid=1&ds_dest_url=https://www.vinted.fr/",
                Some("vinted.fr"),
            ),
            (
                "nested: google url?q= around doubleclick",
                "https://www.google.com/url?q=https://ad.doubleclick.net/ddm/clk/1;2;u;?https://www.rossmann.de/&usg=x",
                Some("rossmann.de"),
            ),
            (
                "doubly percent-encoded target",
                "https://www.googleadservices.com/pagead/aclk?adurl=https%253A%252F%252Fwww.spotify.com%252Fpremium",
                Some("spotify.com"),
            ),
            (
                "scheme-relative target",
                "https://www.googleadservices.com/pagead/aclk?sa=L&adurl=//www.airbnb.com/s",
                Some("airbnb.com"),
            ),
            (
                "facebook link shim",
                "https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.klarna.com%2F&h=AT0",
                Some("klarna.com"),
            ),
            ("a link straight to the site", "https://www.booking.com/hotel/x.html", Some("booking.com")),
            // Trackers without a readable destination name nobody: never the tracker itself.
            ("encrypted aclk without adurl", "https://www.googleadservices.com/pagead/aclk?sa=L&ai=DChcSEw&sig=AOD", None),
            ("doubleclick without a target", "https://ad.doubleclick.net/ddm/clk/1;2", None),
            ("clickserve without ds_dest_url", "https://clickserve.dartsearch.net/link/click?lid=1", None),
            ("google url?q= with text, not a link", "https://www.google.com/url?q=shoes", None),
            ("not a link", "Nike Running Shoes | Official Site", None),
            ("empty", "", None),
            ("another scheme", "javascript:alert(1)", None),
        ];
        for (what, link, want) in cases {
            assert_eq!(destination_host(link).as_deref(), *want, "{what}: {link}");
        }
    }

    #[test]
    fn destination_keeps_the_whole_target() {
        assert_eq!(
            destination(
                "https://www.google.com/url?q=https%3A%2F%2Fshop.example.org%2Fa%3Fb%3Dc&sa=D"
            )
            .as_deref(),
            Some("https://shop.example.org/a?b=c")
        );
        // Not a tracker: the link itself.
        assert_eq!(
            destination("https://www.youtube.com/watch?v=abc").as_deref(),
            Some("https://www.youtube.com/watch?v=abc")
        );
    }

    /// A tracker that points at itself forever stops after MAX_HOPS with no destination.
    #[test]
    fn chains_are_bounded() {
        let mut link = "https://www.nike.com/".to_string();
        for _ in 0..MAX_HOPS {
            link = format!("https://www.google.com/url?q={}", utf8_percent(&link));
        }
        assert_eq!(
            destination_host(&link).as_deref(),
            Some("nike.com"),
            "MAX_HOPS deep"
        );
        let deeper = format!("https://www.google.com/url?q={}", utf8_percent(&link));
        assert_eq!(destination_host(&deeper), None, "one more is too deep");
    }

    fn utf8_percent(s: &str) -> String {
        percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
    }

    #[test]
    fn host_drops_www_port_and_credentials() {
        assert_eq!(
            host("HTTPS://WWW.Nike.com:443/x").as_deref(),
            Some("nike.com")
        );
        assert_eq!(
            host("http://user:pw@shop.example.org./").as_deref(),
            Some("shop.example.org")
        );
        assert_eq!(host("ftp://files.example.org/"), None);
        assert_eq!(host("https://localhost/"), None);
        assert_eq!(host("https://192.168.1.10/login"), None);
        // A backslash is a path separator to browsers: the host is evil.example, not nike.com.
        assert_eq!(
            host("https://evil.example\\@nike.com/").as_deref(),
            Some("evil.example")
        );
    }

    #[test]
    fn trackers_and_brand_hosts() {
        assert!(is_tracker("https://www.google.fr/url?q=https://x.fr/"));
        assert!(is_tracker(
            "https://ad.doubleclick.net/ddm/clk/1;2;?https://x.fr/"
        ));
        assert!(!is_tracker("https://www.google.com/search?q=shoes"));
        assert!(!is_tracker("https://www.google.com/urlaub"));
        assert!(is_brand_host("www.google.co.uk", "google"));
        assert!(is_brand_host("google.com.br", "google"));
        assert!(!is_brand_host("google.example.com", "google"));
        assert!(!is_brand_host("notgoogle.com", "google"));
    }
}
