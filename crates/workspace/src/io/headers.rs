//! Header names compared the way people write them: case, spaces, punctuation and accents
//! do not matter.

/// Lowercase letters and digits only, accents folded: `Follower Count` -> `followercount`,
/// `@handle` -> `handle`, `Date posted` -> `dateposted`, `Catégorie` -> `categorie`.
pub fn normalise_header(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(fold_accent)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Position of the first header matching one of `names` ("order value" matches `Order_Value`).
pub(crate) fn find_header(headers: &[String], names: &[&str]) -> Option<usize> {
    headers.iter().position(|h| {
        let header = normalise_header(h);
        names.iter().any(|name| normalise_header(name) == header)
    })
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}
