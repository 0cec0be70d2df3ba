//! What a creator delivers: platform, format, how many, how long, in which files and shape,
//! and how quickly. Briefs list deliverables and contracts turn them into a checklist.

use serde::{Deserialize, Serialize};

/// The kind of content, as the platforms name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DeliverableFormat {
    #[default]
    FeedPost,
    Carousel,
    ShortVideo,
    Story,
    LongVideo,
    LiveStream,
    BlogPost,
    Review,
    /// Photos or clips for the brand's own channels, not posted by the creator.
    UgcAsset,
}

/// Whether a minimum length is counted in seconds (video) or words (text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LengthUnit {
    Seconds,
    Words,
}

impl DeliverableFormat {
    pub const ALL: [DeliverableFormat; 9] = [
        DeliverableFormat::FeedPost,
        DeliverableFormat::Carousel,
        DeliverableFormat::ShortVideo,
        DeliverableFormat::Story,
        DeliverableFormat::LongVideo,
        DeliverableFormat::LiveStream,
        DeliverableFormat::BlogPost,
        DeliverableFormat::Review,
        DeliverableFormat::UgcAsset,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DeliverableFormat::FeedPost => "feed_post",
            DeliverableFormat::Carousel => "carousel",
            DeliverableFormat::ShortVideo => "short_video",
            DeliverableFormat::Story => "story",
            DeliverableFormat::LongVideo => "long_video",
            DeliverableFormat::LiveStream => "live_stream",
            DeliverableFormat::BlogPost => "blog_post",
            DeliverableFormat::Review => "review",
            DeliverableFormat::UgcAsset => "ugc_asset",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DeliverableFormat::FeedPost => "feed post",
            DeliverableFormat::Carousel => "carousel",
            DeliverableFormat::ShortVideo => "short video (Reel, TikTok, Short)",
            DeliverableFormat::Story => "story",
            DeliverableFormat::LongVideo => "long video",
            DeliverableFormat::LiveStream => "live stream",
            DeliverableFormat::BlogPost => "blog post",
            DeliverableFormat::Review => "written review",
            DeliverableFormat::UgcAsset => "content for the brand's channels",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        let wanted = text.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        Self::ALL.into_iter().find(|f| f.code() == wanted)
    }

    /// The unit a minimum length is measured in, or `None` when length does not apply.
    pub fn length_unit(self) -> Option<LengthUnit> {
        match self {
            DeliverableFormat::ShortVideo
            | DeliverableFormat::Story
            | DeliverableFormat::LongVideo
            | DeliverableFormat::LiveStream => Some(LengthUnit::Seconds),
            DeliverableFormat::BlogPost | DeliverableFormat::Review => Some(LengthUnit::Words),
            DeliverableFormat::FeedPost
            | DeliverableFormat::Carousel
            | DeliverableFormat::UgcAsset => None,
        }
    }

    /// Whether the creator publishes it on their own account (and so must disclose it).
    pub fn is_posted_by_creator(self) -> bool {
        self != DeliverableFormat::UgcAsset
    }
}

/// One line of the deliverables checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deliverable {
    /// Lowercase platform name: instagram, tiktok, youtube, blog, ...
    pub platform: String,
    #[serde(default)]
    pub format: DeliverableFormat,
    pub count: u32,
    /// Minimum length in the format's unit (seconds or words), where it applies.
    #[serde(default)]
    pub min_length: Option<u32>,
    /// Accepted file types as lowercase extensions without the dot: `mp4`, `jpg`.
    #[serde(default)]
    pub file_types: Vec<String>,
    /// `9:16`, `4:5`, `1:1`, `16:9`.
    #[serde(default)]
    pub aspect_ratio: Option<String>,
    /// Days from receiving the product or brief to the first draft.
    #[serde(default)]
    pub turnaround_days: Option<u32>,
}

/// Limits that keep a checklist sensible (and its arithmetic small).
pub const MAX_COUNT: u32 = 100;
pub const MAX_TURNAROUND_DAYS: u32 = 365;

impl Deliverable {
    pub fn new(platform: &str, format: DeliverableFormat, count: u32) -> Self {
        Deliverable {
            platform: platform.trim().to_lowercase(),
            format,
            count,
            min_length: None,
            file_types: Vec::new(),
            aspect_ratio: None,
            turnaround_days: None,
        }
    }

    /// Every problem with this deliverable, each saying what to change; empty when valid.
    pub fn problems(&self) -> Vec<String> {
        let name = self.short_name();
        let mut problems = Vec::new();
        if self.platform.trim().is_empty() {
            problems.push(format!(
                "{name}: name the platform (for example instagram or tiktok)."
            ));
        }
        if self.count == 0 || self.count > MAX_COUNT {
            problems.push(format!(
                "{name}: the count must be between 1 and {MAX_COUNT}, not {}.",
                self.count
            ));
        }
        match (self.min_length, self.format.length_unit()) {
            (Some(_), None) => problems.push(format!(
                "{name}: a minimum length does not apply to a {}; clear it.",
                self.format.label()
            )),
            (Some(0), Some(_)) => problems.push(format!(
                "{name}: a minimum length of 0 means none; clear it or enter a length."
            )),
            _ => {}
        }
        if let Some(ratio) = &self.aspect_ratio {
            if parse_aspect_ratio(ratio).is_none() {
                problems.push(format!(
                    "{name}: aspect ratio “{ratio}” should look like 9:16 or 4:5."
                ));
            }
        }
        for file_type in &self.file_types {
            let clean = file_type.trim().trim_start_matches('.');
            if clean.is_empty()
                || clean.len() > 8
                || !clean.chars().all(|c| c.is_ascii_alphanumeric())
            {
                problems.push(format!(
                    "{name}: file type “{file_type}” should be an extension such as mp4 or jpg."
                ));
            }
        }
        if let Some(days) = self.turnaround_days {
            if days == 0 || days > MAX_TURNAROUND_DAYS {
                problems.push(format!(
                    "{name}: turnaround must be 1 to {MAX_TURNAROUND_DAYS} days, not {days}."
                ));
            }
        }
        problems
    }

    /// `2 × instagram short video (Reel, TikTok, Short)`
    pub fn short_name(&self) -> String {
        let platform = if self.platform.trim().is_empty() {
            "(no platform)"
        } else {
            self.platform.trim()
        };
        format!("{} × {} {}", self.count, platform, self.format.label())
    }

    /// `2 × instagram short video (Reel, TikTok, Short), at least 30 s, 9:16, mp4 or mov, first draft within 5 days`
    pub fn describe(&self) -> String {
        let mut parts = vec![self.short_name()];
        if let (Some(length), Some(unit)) = (
            self.min_length.filter(|l| *l > 0),
            self.format.length_unit(),
        ) {
            parts.push(match unit {
                LengthUnit::Seconds => format!("at least {length} s"),
                LengthUnit::Words => format!("at least {length} words"),
            });
        }
        if let Some(ratio) = self
            .aspect_ratio
            .as_deref()
            .filter(|r| !r.trim().is_empty())
        {
            parts.push(ratio.trim().to_string());
        }
        let types: Vec<String> = self
            .file_types
            .iter()
            .map(|t| t.trim().trim_start_matches('.').to_lowercase())
            .filter(|t| !t.is_empty())
            .collect();
        if !types.is_empty() {
            parts.push(join_or(&types));
        }
        if let Some(days) = self.turnaround_days {
            parts.push(format!(
                "first draft within {days} day{}",
                if days == 1 { "" } else { "s" }
            ));
        }
        parts.join(", ")
    }
}

/// `9:16` -> `(9, 16)`; both sides positive whole numbers.
pub fn parse_aspect_ratio(text: &str) -> Option<(u32, u32)> {
    let (width, height) = text.trim().split_once(':')?;
    let width: u32 = width.trim().parse().ok()?;
    let height: u32 = height.trim().parse().ok()?;
    (width > 0 && height > 0).then_some((width, height))
}

/// `a`, `a or b`, `a, b or c`.
fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// Total number of pieces across a checklist.
pub fn total_pieces(deliverables: &[Deliverable]) -> u32 {
    deliverables.iter().map(|d| d.count.min(MAX_COUNT)).sum()
}

/// Every problem across a checklist, numbered by line (1-based).
pub fn checklist_problems(deliverables: &[Deliverable]) -> Vec<String> {
    deliverables
        .iter()
        .enumerate()
        .flat_map(|(i, d)| {
            d.problems()
                .into_iter()
                .map(move |p| format!("Deliverable {}: {p}", i + 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reel() -> Deliverable {
        Deliverable {
            min_length: Some(30),
            file_types: vec!["mp4".into(), ".MOV".into()],
            aspect_ratio: Some("9:16".into()),
            turnaround_days: Some(5),
            ..Deliverable::new(" Instagram ", DeliverableFormat::ShortVideo, 2)
        }
    }

    #[test]
    fn describes_a_deliverable_in_one_line() {
        assert_eq!(
            reel().describe(),
            "2 × instagram short video (Reel, TikTok, Short), at least 30 s, 9:16, mp4 or mov, first draft within 5 days"
        );
        let blog = Deliverable {
            min_length: Some(800),
            turnaround_days: Some(1),
            ..Deliverable::new("blog", DeliverableFormat::BlogPost, 1)
        };
        assert_eq!(
            blog.describe(),
            "1 × blog blog post, at least 800 words, first draft within 1 day"
        );
        let three = Deliverable {
            file_types: vec!["jpg".into(), "png".into(), "heic".into()],
            ..Deliverable::new("instagram", DeliverableFormat::Carousel, 1)
        };
        assert_eq!(three.describe(), "1 × instagram carousel, jpg, png or heic");
    }

    #[test]
    fn a_good_deliverable_has_no_problems() {
        assert_eq!(reel().problems(), Vec::<String>::new());
    }

    #[test]
    fn each_problem_is_named_with_its_fix() {
        let bad = Deliverable {
            platform: " ".into(),
            format: DeliverableFormat::FeedPost,
            count: 0,
            min_length: Some(15),
            file_types: vec!["m p4".into()],
            aspect_ratio: Some("tall".into()),
            turnaround_days: Some(0),
        };
        let problems = bad.problems();
        assert_eq!(problems.len(), 6, "{problems:#?}");
        assert!(problems[0].contains("name the platform"));
        assert!(problems[1].contains("between 1 and 100, not 0"));
        assert!(problems[2].contains("does not apply to a feed post"));
        assert!(problems[3].contains("“tall” should look like 9:16"));
        assert!(problems[4].contains("“m p4”"));
        assert!(problems[5].contains("1 to 365 days, not 0"));
        let zero_length = Deliverable {
            min_length: Some(0),
            ..reel()
        };
        assert_eq!(zero_length.problems().len(), 1);
    }

    #[test]
    fn checklist_numbers_its_lines_and_totals_pieces() {
        let list = vec![reel(), Deliverable::new("", DeliverableFormat::Story, 3)];
        assert_eq!(checklist_problems(&list), vec!["Deliverable 2: 3 × (no platform) story: name the platform (for example instagram or tiktok).".to_string()]);
        // 2 reels + 3 stories = 5 pieces
        assert_eq!(total_pieces(&list), 5);
    }

    #[test]
    fn aspect_ratios_and_formats_parse() {
        assert_eq!(parse_aspect_ratio(" 4 : 5 "), Some((4, 5)));
        assert_eq!(parse_aspect_ratio("0:1"), None);
        assert_eq!(parse_aspect_ratio("16x9"), None);
        for format in DeliverableFormat::ALL {
            assert_eq!(DeliverableFormat::parse(format.code()), Some(format));
        }
        assert_eq!(
            DeliverableFormat::parse("Short Video"),
            Some(DeliverableFormat::ShortVideo)
        );
        assert!(!DeliverableFormat::UgcAsset.is_posted_by_creator());
    }

    #[test]
    fn round_trips_through_json_and_old_data_loads() {
        let text = serde_json::to_string(&reel()).expect("serialises");
        assert_eq!(
            serde_json::from_str::<Deliverable>(&text).expect("deserialises"),
            reel()
        );
        let minimal: Deliverable =
            serde_json::from_str(r#"{"platform":"tiktok","count":1}"#).expect("defaults fill in");
        assert_eq!(minimal.format, DeliverableFormat::FeedPost);
    }
}
