//! Who is the advertiser behind an ad interaction in My Activity.
//!
//! Ads activity links through Google's click redirect: `titleUrl` is
//! `https://www.google.com/url?q=https://www.nike.com/...&usg=...` (JSON writes `=` and `&` as
//! `\u003d` and `\u0026`; the target may be percent-encoded). The advertiser is the host of the
//! redirect's target (`nike.com`). Without a usable link, the text after the title's verb
//! ("Visited Nike") or the first subtitle (a YouTube ad's channel) names it.

/// Query parameters that carry the click target in Google's redirects (`/url?q=`,
/// `/url?url=`, `googleadservices.com/pagead/aclk?adurl=`).
const TARGET_PARAMS: &[&str] = &["q", "url", "adurl"];

/// The advertiser's domain from an ad's link: the redirect target's host, or the link's own
/// host when it points straight at the advertiser. `None` for Google's own pages
/// (a YouTube video, a search) and for text that is not a link.
pub fn advertiser_from_url(url: &str) -> Option<String> {
    let url = url.trim();
    let host = host_of(url)?;
    if !is_google_host(&host) {
        return Some(host);
    }
    let query = url.split_once('?')?.1;
    let query = query.split('#').next().unwrap_or(query);
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        if TARGET_PARAMS.contains(&key.as_ref()) {
            if let Some(target) = host_of(&value).filter(|h| !is_google_host(h)) {
                return Some(target);
            }
        }
    }
    None
}

/// Lowercase host of an absolute `http(s)` URL, without `www.`, port or credentials.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.trim();
    let (scheme, rest) = rest.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = host
        .split(':')
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let plausible = host.contains('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    plausible.then(|| host.to_string())
}

/// Hosts that belong to Google itself: a link there is a redirect or Google's own page.
fn is_google_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    let owned_by = |name: &str| labels.iter().rev().skip(1).take(2).any(|l| *l == name);
    owned_by("google")
        || owned_by("googleadservices")
        || owned_by("doubleclick")
        || owned_by("youtube")
        || host == "youtu.be"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advertiser_from_redirects_and_direct_links() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "https://www.google.com/url?q=https://www.nike.com/de/running&usg=AOvVaw1",
                Some("nike.com"),
            ),
            // Percent-encoded target, as in real exports.
            (
                "https://www.google.com/url?q=https%3A%2F%2Fshop.example.org%2Fa%3Fb%3Dc&sa=D",
                Some("shop.example.org"),
            ),
            (
                "https://www.google.de/url?sa=t&url=https://www.zalando.de/&ved=x",
                Some("zalando.de"),
            ),
            (
                "https://www.googleadservices.com/pagead/aclk?sa=L&adurl=https://www.ikea.com/fr/",
                Some("ikea.com"),
            ),
            ("https://ad.doubleclick.net/ddm/clk/1;2?https://x", None),
            // A link straight to the advertiser.
            ("https://www.booking.com/hotel/x.html", Some("booking.com")),
            // Google's own pages name no advertiser.
            ("https://www.youtube.com/watch?v=abc", None),
            ("https://www.google.com/search?q=shoes", None),
            ("not a url", None),
            ("", None),
        ];
        for (url, want) in cases {
            assert_eq!(advertiser_from_url(url).as_deref(), *want, "{url}");
        }
    }

    #[test]
    fn host_drops_www_port_and_credentials() {
        assert_eq!(
            host_of("HTTPS://WWW.Nike.com:443/x").as_deref(),
            Some("nike.com")
        );
        assert_eq!(
            host_of("http://user:pw@shop.example.org./").as_deref(),
            Some("shop.example.org")
        );
        assert_eq!(host_of("ftp://files.example.org/").as_deref(), None);
        assert_eq!(host_of("https://localhost/").as_deref(), None);
    }
}
