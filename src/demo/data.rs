//! The fixed lists the generator draws from: names by culture, cities,
//! clients, reasons.

use super::*;
pub(super) const STATUSES: [EngagementStatus; 4] = [
    EngagementStatus::Open,
    EngagementStatus::OnHold,
    EngagementStatus::Filled,
    EngagementStatus::Cancelled,
];

#[rustfmt::skip]
pub(super) const EARLY_REJECTIONS: &[&str] = &[
    "no response", "rate above budget", "not available in time", "skills mismatch",
];
/// The reason a card leaves when the client passed on its profile.
pub(super) const CLIENT_DECLINED: &str = "client declined";

#[rustfmt::skip]
pub(super) const LATE_REJECTIONS: &[&str] = &[
    CLIENT_DECLINED, "rate above budget", "time zone overlap too small",
];
#[rustfmt::skip]
pub(super) const WITHDRAW_REASONS: &[&str] = &[
    "accepted another offer", "counter-offer from current employer", "rate expectations changed",
    "personal reasons", "no longer looking",
];

#[rustfmt::skip]
pub(super) const TAGS: &[&str] = &[
    "remote-only", "relocation", "visa-needed", "contractor", "night-owl", "fintech", "healthcare",
    "open-source", "speaks-spanish", "speaks-german", "speaks-portuguese", "part-time",
];

#[rustfmt::skip]
/// The agency's recruiters, who own the engagements.
pub(super) const OWNERS: &[&str] = &["Ana Ribeiro", "Bruno Costa", "Chen Wei", "Dana Levy"];

pub(super) const CLIENTS: &[&str] = &[
    "Northwind Logistics",
    "Helios Health",
    "Contoso Retail",
    "Fabrikam Payments",
    "Tailspin Travel",
    "Bluefin Analytics",
    "Kestrel Insurance",
    "Granite Bank",
    "Verdant Agritech",
    "Pioneer Telecom",
    "Atlas Mobility",
    "Nimbus Cloudworks",
    "Harbor Biotech",
    "Meridian Education",
    "Müller & Söhne Maschinenbau",
    "São Jorge Seguros",
    "Nordlys Energi",
    "Banco Andino",
];

#[rustfmt::skip]
pub(super) const PROJECTS: &[&str] = &[
    "platform migration", "payments API", "data platform", "mobile back end", "legacy rewrite",
    "partner integrations",
];

/// Reserved and made-up domains, so no demo address can reach anyone.
#[rustfmt::skip]
pub(super) const EMAIL_DOMAINS: &[&str] = &[
    "example.com", "example.org", "example.net", "mail.example", "inbox.example",
];

/// Lower-case letters and what they fold to in an email address.
#[rustfmt::skip]
pub(super) const FOLD: &[(&str, &str)] = &[
    ("àáâãäåāăą", "a"), ("æ", "ae"), ("çćč", "c"), ("ďđð", "d"), ("èéêëēėęě", "e"), ("ğ", "g"),
    ("ìíîïīįı", "i"), ("ł", "l"), ("ñńň", "n"), ("òóôõöøōő", "o"), ("œ", "oe"), ("ř", "r"),
    ("śšşș", "s"), ("ß", "ss"), ("ťț", "t"), ("þ", "th"), ("ùúûüūůű", "u"), ("ýÿ", "y"),
    ("źżž", "z"),
];

#[derive(Clone, Copy)]
pub(super) enum Order {
    GivenFirst,
    FamilyFirst,
    /// Chinese and Korean: family name first, no space.
    Joined,
}

/// Names of one culture, and the cities its people mostly live in as (city,
/// country, IANA zone, calling code). A name is written `written=Roman` where
/// folding the written form would not give a usable email.
pub(super) struct Culture {
    pub(super) given: &'static [&'static str],
    pub(super) family: &'static [&'static str],
    pub(super) order: Order,
    /// Latin script, so the name needs no romanised form beside it.
    pub(super) latin: bool,
    pub(super) cities: &'static [(&'static str, &'static str, &'static str, u16)],
}

pub(super) const fn culture(
    order: Order,
    latin: bool,
    given: &'static [&'static str],
    family: &'static [&'static str],
    cities: &'static [(&'static str, &'static str, &'static str, u16)],
) -> Culture {
    Culture {
        given,
        family,
        order,
        latin,
        cities,
    }
}

use Order::{FamilyFirst, GivenFirst, Joined};

#[rustfmt::skip]
pub(super) const CULTURES: &[Culture] = &[
    culture(GivenFirst, true,
        &["João", "Inês", "Gonçalo", "Beatriz", "Thiago", "Luíza"],
        &["Silva", "Gonçalves", "Araújo", "Magalhães", "Simões", "Brandão"],
        &[
            ("Lisbon", "Portugal", "Europe/Lisbon", 351),
            ("Porto", "Portugal", "Europe/Lisbon", 351),
            ("São Paulo", "Brazil", "America/Sao_Paulo", 55),
            ("Florianópolis", "Brazil", "America/Sao_Paulo", 55),
            ("Recife", "Brazil", "America/Recife", 55),
        ]),
    culture(GivenFirst, true,
        &["José", "María", "Sofía", "Alejandro", "Lucía", "Andrés", "Joaquín"],
        &["García", "Fernández", "Núñez", "Martínez", "Peña", "Ibáñez"],
        &[
            ("Madrid", "Spain", "Europe/Madrid", 34),
            ("Barcelona", "Spain", "Europe/Madrid", 34),
            ("Mexico City", "Mexico", "America/Mexico_City", 52),
            ("Buenos Aires", "Argentina", "America/Argentina/Buenos_Aires", 54),
            ("Bogotá", "Colombia", "America/Bogota", 57),
            ("Medellín", "Colombia", "America/Bogota", 57),
        ]),
    culture(GivenFirst, true,
        &["Zoë", "Jürgen", "Lena", "Maximilian", "Anneliese", "Jörg"],
        &["Müller", "Schäfer", "Großmann", "Becker", "Köhler", "Weiß"],
        &[
            ("Berlin", "Germany", "Europe/Berlin", 49),
            ("Munich", "Germany", "Europe/Berlin", 49),
            ("Vienna", "Austria", "Europe/Vienna", 43),
            ("Zürich", "Switzerland", "Europe/Zurich", 41),
        ]),
    culture(GivenFirst, true,
        &["Łukasz", "Agnieszka", "Małgorzata", "Paweł", "Zofia", "Michał"],
        &["Wójcik", "Nowak", "Kowalczyk", "Woźniak", "Mazur", "Krawczyk"],
        &[
            ("Kraków", "Poland", "Europe/Warsaw", 48),
            ("Warsaw", "Poland", "Europe/Warsaw", 48),
            ("Wrocław", "Poland", "Europe/Warsaw", 48),
            ("Prague", "Czechia", "Europe/Prague", 420),
        ]),
    culture(FamilyFirst, true,
        &["Văn An=Van An", "Thị Lan=Thi Lan", "Minh Tuấn=Minh Tuan", "Thu Hà=Thu Ha"],
        &["Nguyễn=Nguyen", "Trần=Tran", "Lê=Le", "Phạm=Pham", "Đặng=Dang"],
        &[
            ("Ho Chi Minh City", "Vietnam", "Asia/Ho_Chi_Minh", 84),
            ("Hanoi", "Vietnam", "Asia/Ho_Chi_Minh", 84),
            ("Da Nang", "Vietnam", "Asia/Ho_Chi_Minh", 84),
        ]),
    culture(GivenFirst, true,
        &["Siobhán", "Aoife", "Seán", "Niamh", "Oisín", "Eilidh", "Callum"],
        &["O'Brien", "Ó Súilleabháin", "Murphy", "MacLeod", "Kavanagh"],
        &[
            ("Dublin", "Ireland", "Europe/Dublin", 353),
            ("Cork", "Ireland", "Europe/Dublin", 353),
            ("London", "United Kingdom", "Europe/London", 44),
            ("Edinburgh", "United Kingdom", "Europe/London", 44),
        ]),
    culture(GivenFirst, true,
        &["Ngozi", "Chinedu", "Oluwaseun", "Adaeze", "Kwame", "Ama"],
        &["Okafor", "Adeyemi", "Eze", "Mensah", "Okonkwo", "Balogun"],
        &[
            ("Lagos", "Nigeria", "Africa/Lagos", 234),
            ("Abuja", "Nigeria", "Africa/Lagos", 234),
            ("Accra", "Ghana", "Africa/Accra", 233),
        ]),
    culture(GivenFirst, true,
        &["Wanjiku", "Kamau", "Achieng", "Baraka", "Amani", "Selam"],
        &["Mwangi", "Otieno", "Kiprop", "Njoroge", "Tesfaye"],
        &[
            ("Nairobi", "Kenya", "Africa/Nairobi", 254),
            ("Kampala", "Uganda", "Africa/Kampala", 256),
            ("Addis Ababa", "Ethiopia", "Africa/Addis_Ababa", 251),
            ("Kigali", "Rwanda", "Africa/Kigali", 250),
        ]),
    culture(GivenFirst, true,
        &["Aiko", "Haruto", "Yūki", "Sōta", "Ren", "Hana"],
        &["Tanaka", "Satō", "Suzuki", "Takahashi", "Kobayashi", "Itō"],
        &[
            ("Tokyo", "Japan", "Asia/Tokyo", 81),
            ("Osaka", "Japan", "Asia/Tokyo", 81),
            ("Fukuoka", "Japan", "Asia/Tokyo", 81),
        ]),
    culture(Joined, false,
        &["芳=Fang", "伟=Wei", "敏=Min", "静=Jing", "洋=Yang", "晓明=Xiaoming"],
        &["王=Wang", "李=Li", "张=Zhang", "陈=Chen", "刘=Liu", "黄=Huang"],
        &[
            ("Shanghai", "China", "Asia/Shanghai", 86),
            ("Shenzhen", "China", "Asia/Shanghai", 86),
            ("Taipei", "Taiwan", "Asia/Taipei", 886),
            ("Singapore", "Singapore", "Asia/Singapore", 65),
        ]),
    culture(Joined, false,
        &["민준=Minjun", "서연=Seoyeon", "지호=Jiho", "하은=Haeun", "도윤=Doyun"],
        &["김=Kim", "이=Lee", "박=Park", "최=Choi", "정=Jung"],
        &[
            ("Seoul", "South Korea", "Asia/Seoul", 82),
            ("Busan", "South Korea", "Asia/Seoul", 82),
        ]),
    culture(GivenFirst, true,
        &["Priya", "Arjun", "Ananya", "Rohan", "Lakshmi", "Vikram", "Aditi"],
        &["Raman", "Iyer", "Sharma", "Patel", "Reddy", "Nair", "Banerjee"],
        &[
            ("Bengaluru", "India", "Asia/Kolkata", 91),
            ("Pune", "India", "Asia/Kolkata", 91),
            ("Hyderabad", "India", "Asia/Kolkata", 91),
            ("Chennai", "India", "Asia/Kolkata", 91),
        ]),
    culture(GivenFirst, true,
        &["Ömer", "Elif", "Mehmet", "Zeynep", "Çağrı", "Ayşe", "İlkay"],
        &["Yılmaz", "Şahin", "Demir", "Öztürk", "Çelik", "Aydın"],
        &[
            ("Istanbul", "Türkiye", "Europe/Istanbul", 90),
            ("Ankara", "Türkiye", "Europe/Istanbul", 90),
            ("İzmir", "Türkiye", "Europe/Istanbul", 90),
        ]),
    culture(GivenFirst, true,
        &["Anaïs", "Théo", "Chloé", "Léa", "Mathis", "François"],
        &["Dubois", "Lefèvre", "Moreau", "Girard", "Bélanger", "Rousseau"],
        &[
            ("Paris", "France", "Europe/Paris", 33),
            ("Lyon", "France", "Europe/Paris", 33),
            ("Montréal", "Canada", "America/Toronto", 1),
            ("Brussels", "Belgium", "Europe/Brussels", 32),
        ]),
    culture(GivenFirst, true,
        &["Søren", "Björk", "Åsa", "Henrik", "Freja", "Magnús", "Aino"],
        &["Ødegaard", "Johansson", "Lindqvist", "Halvorsen", "Nyström", "Virtanen"],
        &[
            ("Copenhagen", "Denmark", "Europe/Copenhagen", 45),
            ("Oslo", "Norway", "Europe/Oslo", 47),
            ("Stockholm", "Sweden", "Europe/Stockholm", 46),
            ("Reykjavík", "Iceland", "Atlantic/Reykjavik", 354),
            ("Helsinki", "Finland", "Europe/Helsinki", 358),
        ]),
    culture(GivenFirst, true,
        &["Fatima Zahra", "Youssef", "Amira", "Omar", "Layla", "Karim"],
        &["El Idrissi", "Haddad", "Benali", "Mansour", "Farouk", "Al-Rashid"],
        &[
            ("Cairo", "Egypt", "Africa/Cairo", 20),
            ("Casablanca", "Morocco", "Africa/Casablanca", 212),
            ("Dubai", "United Arab Emirates", "Asia/Dubai", 971),
            ("Amman", "Jordan", "Asia/Amman", 962),
        ]),
    culture(GivenFirst, true,
        &["Angelica", "Paolo", "Jericho", "Kristine", "Mark Anthony"],
        &["Santos", "Reyes", "Dela Cruz", "Bautista", "Villanueva"],
        &[
            ("Manila", "Philippines", "Asia/Manila", 63),
            ("Cebu City", "Philippines", "Asia/Manila", 63),
        ]),
    culture(GivenFirst, true,
        &["Emily", "Jacob", "Madison", "Tyler", "Olivia", "Ethan"],
        &["Johnson", "Williams", "Brown", "Walker", "Thompson", "Nguyen"],
        &[
            ("Austin", "United States", "America/Chicago", 1),
            ("New York", "United States", "America/New_York", 1),
            ("Seattle", "United States", "America/Los_Angeles", 1),
            ("Denver", "United States", "America/Denver", 1),
            ("Toronto", "Canada", "America/Toronto", 1),
            ("Vancouver", "Canada", "America/Vancouver", 1),
            ("Sydney", "Australia", "Australia/Sydney", 61),
            ("Auckland", "New Zealand", "Pacific/Auckland", 64),
        ]),
    culture(GivenFirst, false,
        &["Олена=Olena", "Андрій=Andriy", "Дмитро=Dmytro", "Оксана=Oksana", "Тарас=Taras"],
        &["Шевченко=Shevchenko", "Коваленко=Kovalenko", "Бондаренко=Bondarenko", "Мельник=Melnyk"],
        &[
            ("Kyiv", "Ukraine", "Europe/Kyiv", 380),
            ("Lviv", "Ukraine", "Europe/Kyiv", 380),
            ("Tallinn", "Estonia", "Europe/Tallinn", 372),
        ]),
];
