//! Synthetic names for generated archives. All invented; any resemblance is chance. Company
//! names mix fictional brands with the well-known ad-tech and retail names that real exports
//! list, so that directory matching can be exercised.

pub const FIRST: &[&str] = &[
    "Alex", "Sam", "Robin", "Charlie", "Jamie", "Noa", "Lou", "Maxime", "Andrea", "Kim",
    "Elif", "Mika", "Sacha", "Jordan", "Yuki", "Renée", "Zoë", "Björn", "Ana", "Léa",
];
pub const LAST: &[&str] = &[
    "Martin", "Rivera", "Schmidt", "Dubois", "Kowalski", "Nguyen", "Rossi", "Jensen", "Moreau",
    "Silva", "Novak", "Okafor", "Lindqvist", "García", "Müller", "Søndergaard",
];
pub const WORDS: &[&str] = &[
    "coffee", "train", "tomorrow", "weekend", "photos", "recipe", "concert", "meeting", "garden",
    "holiday", "birthday", "museum", "football", "dinner", "project", "library", "bike", "rain",
    "beach", "movie", "café", "déjà vu", "naïve", "smörgåsbord", "über",
];
/// Third parties as they appear in exports' advertiser and off-platform lists.
pub const COMPANIES: &[&str] = &[
    "Acxiom", "Experian Marketing Services", "LiveRamp", "Criteo", "The Trade Desk", "Epsilon",
    "Oracle Advertising", "Nike", "Adidas", "Zalando", "Booking.com", "Expedia", "Spotify",
    "Netflix", "Uber", "Airbnb", "H&M", "IKEA", "Decathlon", "Sephora", "L'Oréal Paris",
    "Unilever", "Procter & Gamble", "Samsung Electronics", "Vodafone", "Deutsche Telekom",
    "Orange France", "Lufthansa", "Air France", "Carrefour", "Lidl", "Tesco", "Sainsbury's",
    "Amazon.com", "eBay", "Etsy", "Shopify", "Klarna", "PayPal", "Revolut", "N26", "Duolingo",
    "Tinder", "Bumble", "Hinge", "Candy Crush Saga", "King.com", "Zynga", "Wish", "Temu",
    "SHEIN", "AliExpress", "Groupon", "Vinted", "Deliveroo", "Just Eat Takeaway", "Wolt",
    "Glovo", "HelloFresh", "Peloton", "Strava", "Garmin", "Fitbit", "MyFitnessPal", "Noom",
    "Headspace", "Calm", "Audible", "Kindle", "Le Monde", "The Guardian", "New York Times",
    "Washington Post", "BuzzFeed", "Condé Nast", "Axel Springer", "Ringier", "Zillow",
    "Redfin", "Realtor.com", "Progressive Insurance", "GEICO", "Allstate", "State Farm",
    "Chase", "Capital One", "American Express", "Barclays", "HSBC", "ING", "BNP Paribas",
    "Société Générale", "Renault", "Peugeot", "Volkswagen", "BMW", "Toyota", "Tesla",
];
/// Fictional small businesses, to reach any number of distinct companies.
pub const SHOP_PREFIX: &[&str] = &[
    "Blue", "Green", "Happy", "Urban", "Nordic", "Sunny", "Little", "Golden", "Silver", "Bright",
];
pub const SHOP_SUFFIX: &[&str] = &[
    "Bakery", "Outfitters", "Books", "Garden Supply", "Travel", "Pets", "Cycles", "Studio",
    "Electronics", "Kitchen",
];

/// The n-th company name: the well-known list first, then invented shops `Sunny Books 42`.
pub fn company(n: usize) -> String {
    if n < COMPANIES.len() {
        COMPANIES[n].to_string()
    } else {
        let k = n - COMPANIES.len();
        format!(
            "{} {} {}",
            SHOP_PREFIX[k % SHOP_PREFIX.len()],
            SHOP_SUFFIX[(k / SHOP_PREFIX.len()) % SHOP_SUFFIX.len()],
            k / (SHOP_PREFIX.len() * SHOP_SUFFIX.len()) + 1
        )
    }
}

/// Meta's mojibake: encode UTF-8 bytes as `\u00XX` code points, the way Meta's exports do.
pub fn meta_mojibake(s: &str) -> String {
    s.bytes().map(|b| b as char).collect()
}
