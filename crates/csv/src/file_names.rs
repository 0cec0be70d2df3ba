//! Names of the files the app offers for download. They are built from user text (workspace,
//! brief, test names), so they are cleaned to characters every file system accepts and capped
//! in length: file systems refuse names over 255 bytes, and a long name is unreadable anyway.

/// Longest stem taken from user text, in characters.
pub const MAX_STEM_CHARS: usize = 60;
/// Longest whole file name, in characters, extension included.
pub const MAX_FILE_NAME_CHARS: usize = 120;

/// `"Spring pilot: UK/IE"` -> `"spring-pilot-uk-ie"`; letters of any script are kept,
/// everything else becomes one hyphen; `"workspace"` when nothing is left.
pub fn file_stem(label: &str) -> String {
    let cleaned: String = label
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let joined = cleaned
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let capped: String = joined.chars().take(MAX_STEM_CHARS).collect();
    let stem = capped.trim_end_matches('-').to_lowercase();
    if stem.is_empty() {
        "workspace".into()
    } else {
        stem
    }
}

/// Caps a whole file name at `MAX_FILE_NAME_CHARS`, keeping its extension.
pub fn capped_file_name(name: &str) -> String {
    if name.chars().count() <= MAX_FILE_NAME_CHARS {
        return name.to_string();
    }
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, extension)) if extension.chars().count() <= 10 => {
            (stem, format!(".{extension}"))
        }
        _ => (name, String::new()),
    };
    let keep = MAX_FILE_NAME_CHARS.saturating_sub(extension.chars().count());
    let stem: String = stem.chars().take(keep).collect();
    format!("{}{extension}", stem.trim_end_matches('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_clean_lowercase_and_capped() {
        assert_eq!(file_stem("Spring pilot: UK/IE"), "spring-pilot-uk-ie");
        assert_eq!(file_stem("Café Økologi"), "café-økologi");
        assert_eq!(file_stem("../../etc"), "etc");
        assert_eq!(file_stem("   "), "workspace");
        let long = file_stem(&"a".repeat(10_000));
        assert_eq!(long.chars().count(), MAX_STEM_CHARS);
        // A cap that falls on a separator leaves no trailing hyphen.
        let words = file_stem(&"abcd ".repeat(100));
        assert!(
            !words.ends_with('-') && words.chars().count() <= MAX_STEM_CHARS,
            "{words}"
        );
    }

    #[test]
    fn whole_names_keep_their_extension_under_the_cap() {
        assert_eq!(capped_file_name("plan.ics"), "plan.ics");
        let long = format!("{}-results.csv", "b".repeat(500));
        let capped = capped_file_name(&long);
        assert_eq!(capped.chars().count(), MAX_FILE_NAME_CHARS);
        assert!(capped.ends_with(".csv"));
    }
}
