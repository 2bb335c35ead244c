//! Who is the advertiser behind an ad interaction in My Activity.
//!
//! Ads activity links through click trackers: `titleUrl` is Google's
//! `https://www.google.com/url?q=https://www.nike.com/...`, a `googleadservices.com/pagead/aclk?
//! …&adurl=`, a `clickserve.dartsearch.net/link/click?…&ds_dest_url=` or an
//! `ad.doubleclick.net/ddm/clk/…;?https://…` link, often one inside another (JSON writes `=`
//! and `&` as `\u003d` and `\u0026`). [`crate::urls`] follows the chain; the advertiser is
//! the host at its end (`nike.com`). Google's own pages (a YouTube video, a search) name no
//! advertiser. The title is the ad's headline ("Visited Nike Running Shoes | Official
//! Site"): it is never taken for a company name.

/// The advertiser's domain from an ad's link: the host at the end of its tracker chain.
/// `None` for Google's own pages, for trackers whose destination cannot be read and for
/// text that is not a link.
pub fn advertiser_from_url(url: &str) -> Option<String> {
    crate::urls::destination_host(url).filter(|h| !is_google_host(h))
}

/// Details that mark an element as an ad, in the languages seen or reported (`From Google
/// Ads`; the localized forms are unconfirmed, ~).
const AD_DETAIL_MARKERS: &[&str] = &[
    "Google Ads",
    "Google-Anzeigen",
    "Annonces Google",
    "Anuncios de Google",
    "Annunci Google",
    "Anúncios do Google",
    "Google Advertenties",
    "Reklamy Google",
];

/// The detail (`details[].name`) says the element is an ad.
pub fn is_ad_detail(detail: &str) -> bool {
    AD_DETAIL_MARKERS.iter().any(|m| detail.contains(m))
}

/// Hosts that belong to Google itself: a link there is Google's own page, not an advertiser.
fn is_google_host(host: &str) -> bool {
    ["google", "googleadservices", "doubleclick", "youtube"]
        .iter()
        .any(|brand| crate::urls::is_brand_host(host, brand))
        || host == "youtu.be"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advertiser_from_trackers_and_direct_links() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "https://www.google.com/url?q=https://www.nike.com/de/running&usg=AOvVaw1",
                Some("nike.com"),
            ),
            (
                "https://www.googleadservices.com/pagead/aclk?sa=L&adurl=https://www.ikea.com/fr/",
                Some("ikea.com"),
            ),
            (
                "https://ad.doubleclick.net/ddm/clk/1;2;u;?https://www.zalando.de/",
                Some("zalando.de"),
            ),
            ("https://ad.doubleclick.net/ddm/clk/1;2?https://x", None),
            ("https://www.booking.com/hotel/x.html", Some("booking.com")),
            // Google's own pages name no advertiser, neither does a dead-end tracker.
            ("https://www.youtube.com/watch?v=abc", None),
            ("https://www.google.com/search?q=shoes", None),
            (
                "https://www.google.com/url?q=https://www.youtube.com/watch?v%3Dx",
                None,
            ),
            (
                "https://www.googleadservices.com/pagead/aclk?sa=L&ai=C",
                None,
            ),
            ("not a url", None),
            ("", None),
        ];
        for (url, want) in cases {
            assert_eq!(advertiser_from_url(url).as_deref(), *want, "{url}");
        }
    }

    #[test]
    fn ad_details_in_several_languages() {
        assert!(is_ad_detail("From Google Ads"));
        assert!(is_ad_detail("Von Google-Anzeigen"));
        assert!(!is_ad_detail("From your device"));
    }
}
