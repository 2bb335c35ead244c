//! The company behind each kind of account a user can connect to Discord
//! (`user.json` `connections[].type`). Connecting an account lets Discord and the other
//! service exchange the user's identity (and, for some, activity such as what is playing),
//! so each connection is a third party with the `ConnectedApp` relation.
//!
//! Names are the companies as the directory knows them (`Valve`, not `steam`); the service
//! is kept beside it for the title. Unknown types still become a company, named after the
//! type itself, so a new kind of connection is never lost.

/// (connection type as Discord writes it, service shown to people, company that runs it).
const SERVICES: &[(&str, &str, &str)] = &[
    ("spotify", "Spotify", "Spotify"),
    ("steam", "Steam", "Valve"),
    ("xbox", "Xbox", "Microsoft"),
    ("skype", "Skype", "Microsoft"),
    ("github", "GitHub", "GitHub"),
    ("youtube", "YouTube", "Google"),
    ("twitch", "Twitch", "Twitch"),
    ("reddit", "Reddit", "Reddit"),
    ("battlenet", "Battle.net", "Blizzard"),
    ("playstation", "PlayStation Network", "PlayStation"),
    ("playstation-stg", "PlayStation Network", "PlayStation"),
    ("facebook", "Facebook", "Meta"),
    ("instagram", "Instagram", "Meta"),
    ("twitter", "X (Twitter)", "X"),
    ("tiktok", "TikTok", "TikTok"),
    ("leagueoflegends", "League of Legends", "Riot Games"),
    ("riotgames", "Riot Games", "Riot Games"),
    ("epicgames", "Epic Games", "Epic Games"),
    ("paypal", "PayPal", "PayPal"),
    ("ebay", "eBay", "eBay"),
    ("crunchyroll", "Crunchyroll", "Crunchyroll"),
    ("roblox", "Roblox", "Roblox"),
    ("bungie", "Bungie.net", "Bungie"),
    ("amazon-music", "Amazon Music", "Amazon"),
    ("bluesky", "Bluesky", "Bluesky"),
    ("mastodon", "Mastodon", "Mastodon"),
];

/// The service and company of a connection type; a `domain` connection is the verified
/// website itself (its domain names the company).
pub fn service_of(kind: &str, name: Option<&str>) -> (String, String) {
    let k = kind.trim().to_ascii_lowercase();
    if k == "domain" {
        let domain = name.unwrap_or("website").trim().to_string();
        return (domain.clone(), domain);
    }
    match SERVICES.iter().find(|(t, _, _)| *t == k) {
        Some((_, service, company)) => (service.to_string(), company.to_string()),
        None => (kind.trim().to_string(), kind.trim().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn companies_behind_services() {
        let cases = [
            ("spotify", None, "Spotify", "Spotify"),
            ("steam", None, "Steam", "Valve"),
            ("Xbox", None, "Xbox", "Microsoft"),
            ("youtube", None, "YouTube", "Google"),
            ("battlenet", None, "Battle.net", "Blizzard"),
            ("domain", Some("example.com"), "example.com", "example.com"),
            ("newservice", None, "newservice", "newservice"),
        ];
        for (kind, name, service, company) in cases {
            assert_eq!(
                service_of(kind, name),
                (service.to_string(), company.to_string()),
                "{kind}"
            );
        }
    }
}
