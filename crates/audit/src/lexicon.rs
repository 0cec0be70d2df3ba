//! The generic-praise lexicon and filler words, in normalised form (lowercase, accents folded,
//! apostrophes as spaces: "j'adore" is "j adore"). English, German, French, Spanish, Dutch and
//! Italian. Phrases are matched as whole words; a comment made only of these phrases and
//! filler words is generic praise.

/// Generic praise phrases that say nothing about the content.
#[rustfmt::skip]
pub const GENERIC_PHRASES: &[&str] = &[
    // English
    "love this", "love it", "love that", "love", "loved it", "love u", "love you", "so cute",
    "cute", "amazing", "awesome", "nice", "nice pic", "nice photo", "nice post", "nice shot",
    "nice one", "nice work", "great", "great post", "great pic", "great shot", "great content",
    "great work", "beautiful", "gorgeous", "stunning", "cool", "so good", "looks good",
    "looks great", "looks amazing", "looks delicious", "yummy", "yum", "delicious", "perfect",
    "fantastic", "incredible", "lovely", "pretty", "super", "fire", "lit", "goals", "obsessed",
    "need this", "want this", "queen", "king", "slay", "well done", "good job", "keep it up",
    "keep going", "congrats", "congratulations", "thanks for sharing", "thank you", "thanks",
    "follow me", "follow back", "check my page", "check out my page", "dm me", "dm us", "collab",
    "wonderful", "brilliant", "epic", "legend", "inspiring", "inspiration", "top", "best", "wow",
    "omg", "lol", "haha", "yes", "yas", "good", "gorgeous pic", "beauty", "adorable", "excellent",
    "fab", "fabulous", "wicked", "class", "sick",
    // German
    "toll", "toll gemacht", "sieht toll aus", "sieht gut aus", "sieht lecker aus", "lecker",
    "wunderschon", "schon", "sehr schon", "klasse", "mega", "geil", "hammer", "genial", "krass",
    "liebe es", "ich liebe es", "suss", "hubsch", "stark", "weiter so", "gefallt mir",
    "richtig gut", "wahnsinn", "traumhaft", "perfekt", "danke", "spitze", "sehr gut", "gut gemacht",
    "wunderbar", "herrlich", "cool gemacht", "schones bild", "tolles bild", "super bild",
    // French
    "magnifique", "trop beau", "trop belle", "trop bien", "j adore", "jadore", "adore", "bravo",
    "trop mignon", "trop mignonne", "mignon", "mignonne", "sublime", "superbe", "canon",
    "incroyable", "parfait", "parfaite", "trop cool", "trop bon", "tres beau", "tres belle",
    "merci", "waouh", "ouah", "trop fort", "belle photo", "jolie photo", "joli", "jolie",
    "trop style", "magnifique photo", "genialissime", "top du top",
    // Spanish
    "me encanta", "encanta", "me encantan", "que bonito", "que bonita", "bonito", "bonita",
    "precioso", "preciosa", "hermoso", "hermosa", "increible", "guapa", "guapo", "que lindo",
    "que linda", "lindo", "linda", "brutal", "buenisimo", "buenisima", "que rico", "rico", "divino",
    "divina", "me gusta", "muy bueno", "muy bien", "excelente", "perfecto", "perfecta",
    "espectacular", "gracias", "felicidades", "que guay", "guay", "chulo", "chula",
    // Dutch
    "mooi", "heel mooi", "prachtig", "leuk", "gaaf", "vet", "geweldig", "lekker",
    "ziet er lekker uit", "ziet er goed uit", "zo mooi", "wauw", "toppie", "schitterend",
    "fantastisch", "mooie foto", "goed bezig", "knap", "echt mooi", "heerlijk", "dankjewel",
    "bedankt", "wat mooi", "wat leuk", "super mooi", "supermooi",
    // Italian
    "bellissimo", "bellissima", "bellissime", "bellissimi", "bello", "bella", "stupendo",
    "stupenda", "fantastico", "fantastica", "che bello", "che bella", "brava", "bravissimo",
    "bravissima", "meraviglioso", "meravigliosa", "adoro", "lo adoro", "complimenti", "che carino",
    "carino", "carina", "favoloso", "favolosa", "grazie", "perfetto", "perfetta", "spettacolo",
    "spettacolare", "buonissimo", "buonissima", "che buono", "delizioso", "mi piace", "molto bello",
    "molto bella", "ottimo", "splendido", "splendida", "troppo bello",
];

/// Words that carry no reference to the content on their own.
#[rustfmt::skip]
pub const FILLER_WORDS: &[&str] = &[
    // English
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "is", "are", "was", "so",
    "soo", "very", "really", "too", "such", "just", "i", "im", "you", "your", "youre", "u", "ur",
    "my", "me", "we", "our", "and", "or", "of", "to", "in", "on", "at", "for", "with", "be", "xx",
    "xoxo", "oh", "ah", "yeah", "ok", "okay", "s", "d", "much", "always", "all", "one", "what",
    "how", "look", "looks", "looking", "absolutely", "totally", "girl", "babe", "guys", "omgg",
    "wooow", "woow", "hahaha", "lmao",
    // German
    "sehr", "echt", "das", "der", "die", "dem", "den", "ist", "ich", "du", "dein", "deine", "und",
    "ja", "voll", "wie", "einfach", "aus", "es", "mal", "mein", "gott", "nur", "ganz", "mir",
    "dich", "sieht",
    // French
    "tres", "trop", "c", "est", "ce", "le", "la", "les", "l", "je", "j", "tu", "ton", "ta", "tes",
    "et", "si", "vraiment", "un", "une", "de", "du", "des", "que", "qu", "ca", "moi", "vous",
    "votre", "cette", "cet",
    // Spanish
    "muy", "el", "los", "las", "es", "yo", "y", "tan", "una", "del", "lo", "mi", "te", "esta",
    "este", "esto", "eres", "todo",
    // Dutch
    "zo", "heel", "het", "ik", "je", "jij", "jouw", "en", "wat", "een", "dat", "van", "ziet", "er",
    "uit", "erg",
    // Italian
    "molto", "che", "il", "e", "io", "tuo", "tua", "cosi", "davvero", "troppo", "di", "della",
    "sei", "ti",
];
