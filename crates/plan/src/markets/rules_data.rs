//! The rules themselves, as data. Wording follows each regulator's own guidance.

use super::{DisclosureRules, MandatoryClause, Market, RuleSource};

pub(super) const US: DisclosureRules = DisclosureRules {
    market: Market::Us,
    accepted_labels: &["#ad", "Advertisement", "Sponsored", "Paid partnership", "#BrandPartner"],
    labels_to_avoid: &["#sp", "#spon", "#collab", "#thanks", "#ambassador"],
    placement: &[
        "Clear and unavoidable: in the first lines of the caption, not hidden behind \"more\".",
        "Not buried among other hashtags or links, and not only in the profile bio.",
        "In the language of the post.",
        "The platform's paid-partnership tool helps but may not be enough on its own: add a label in the caption too.",
    ],
    video: &[
        "Put the disclosure in the video itself, both on screen and spoken, not only in the description.",
        "In live streams, repeat it periodically so people who join late see or hear it.",
    ],
    gifted_products: "A free or discounted product is a material connection: disclose it even when nothing was paid.",
    contract_notes: &[
        "The creator must disclose the material connection clearly in every post (16 CFR Part 255).",
        "Endorsements must reflect the creator's honest opinion and experience; no claims the brand could not substantiate.",
        "No buying or selling of fake followers, views or other indicators of social media influence (16 CFR Part 465, 2024).",
        "The brand monitors posts and asks for corrections when a disclosure is missing.",
    ],
    mandatory_contract_clauses: &[],
    sources: &[
        RuleSource { name: "FTC Guides Concerning the Use of Endorsements and Testimonials in Advertising, 16 CFR Part 255", year: 2023 },
        RuleSource { name: "FTC Rule on the Use of Consumer Reviews and Testimonials (fake indicators of social media influence), 16 CFR Part 465", year: 2024 },
        RuleSource { name: "FTC, Disclosures 101 for Social Media Influencers", year: 2023 },
    ],
};

pub(super) const UK: DisclosureRules = DisclosureRules {
    market: Market::Uk,
    accepted_labels: &["Ad", "#ad", "Advert", "Advertising", "Advertisement", "Advertisement feature"],
    labels_to_avoid: &["#spon", "#sp", "#collab", "thanks to", "in association with", "#affiliate"],
    placement: &[
        "\"Ad\" up front: at the start of the caption or on the image, before anyone engages with the content.",
        "Prominent and clear on every platform and every post, including each story frame that features the brand.",
        "The platform's paid-partnership tool can be used, ideally together with \"Ad\".",
    ],
    video: &[
        "Label the video itself at the start (on screen, ideally spoken as well), not only in the description.",
        "Each story frame or clip that can be seen on its own carries the label.",
    ],
    gifted_products: "Gifts, loans and free services count as payment: if the brand had any control over the content it is an ad and needs \"Ad\"; a gift with no control must still be disclosed, and \"Gifted\" is then the label the CMA expects. \"#gifted\" is never enough for content the brand controlled.",
    contract_notes: &[
        "Content the brand paid for (in money or kind) and controlled is an ad under the CAP Code and must be obviously identifiable as one.",
        "Both the brand and the creator are responsible for disclosure under consumer protection law (CMA).",
        "Claims must be substantiated before posting; the creator may not present the brand's claims as personal findings they did not make.",
    ],
    mandatory_contract_clauses: &[],
    sources: &[
        RuleSource { name: "UK Code of Non-broadcast Advertising and Direct & Promotional Marketing (CAP Code), section 2", year: 2023 },
        RuleSource { name: "ASA and CMA, Influencers' guide to making clear that ads are ads", year: 2023 },
        RuleSource { name: "Digital Markets, Competition and Consumers Act (unfair commercial practices)", year: 2024 },
    ],
};

pub(super) const FRANCE: DisclosureRules = DisclosureRules {
    market: Market::France,
    accepted_labels: &["Publicité", "Collaboration commerciale"],
    labels_to_avoid: &["#ad", "#sponsored", "#partenariat", "#collab", "#spon"],
    placement: &[
        "The words \"Publicité\" or \"Collaboration commerciale\" must be clear, legible and identifiable on the content itself, whatever its format.",
        "Retouched images of faces or bodies carry \"Images retouchées\"; images made or altered by artificial intelligence carry \"Images virtuelles\".",
        "Certain products and services may not be promoted at all (for example cosmetic surgery, nicotine products, some financial products).",
    ],
    video: &[
        "The label stays on screen for the whole video, not only at the start.",
        "\"Images retouchées\" / \"Images virtuelles\" apply to video as well as photos.",
    ],
    gifted_products: "Any benefit in kind counts as remuneration: gifted products are commercial influence and need the label.",
    contract_notes: &[
        "A written contract is mandatory above the threshold set by decree, with the clauses the law lists.",
        "The advertiser, its agent and the creator are jointly liable for damage caused to third parties by the promotion.",
        "French law applies to the contract when the promotion targets an audience in France.",
    ],
    mandatory_contract_clauses: &[
        MandatoryClause { key: "parties", description: "names, addresses and (where relevant) registration details of the parties" },
        MandatoryClause { key: "missions", description: "the exact nature of the tasks entrusted to the creator" },
        MandatoryClause { key: "remuneration", description: "the remuneration, in money or in kind, for those tasks" },
        MandatoryClause { key: "rights", description: "the rights and obligations of the parties, in particular intellectual property" },
        MandatoryClause { key: "french_law", description: "that French law applies to the promotion aimed at an audience in France" },
    ],
    sources: &[
        RuleSource { name: "Loi n° 2023-451 du 9 juin 2023 visant à encadrer l'influence commerciale", year: 2023 },
        RuleSource { name: "Code de la consommation, pratiques commerciales trompeuses", year: 2023 },
    ],
};

pub(super) const IRELAND: DisclosureRules = DisclosureRules {
    market: Market::Ireland,
    accepted_labels: &["#Ad", "AD", "Advertisement"],
    labels_to_avoid: &["#sp", "#spon", "#collab", "#gifted", "thanks to"],
    placement: &[
        "The label goes at the start of the post, clearly visible before anyone clicks \"more\".",
        "One clear label; do not rely on the platform tool or the profile alone.",
    ],
    video: &["Label the video itself (on screen from the start, and spoken where possible), not only the description."],
    gifted_products: "Gifts and free services given for a post count as a commercial relationship and need an \"#Ad\" label.",
    contract_notes: &[
        "Marketing communications must be obviously identifiable as such (ASAI Code, recognisability).",
        "Misleading commercial practices, including hidden advertising, are prohibited (CCPC, Consumer Protection Act 2007).",
    ],
    mandatory_contract_clauses: &[],
    sources: &[
        RuleSource { name: "ASAI Code of Standards for Advertising and Marketing Communications", year: 2016 },
        RuleSource { name: "ASAI Guidance Note on Recognisability of Marketing Communications (influencer marketing)", year: 2021 },
        RuleSource { name: "CCPC, Consumer Protection Act 2007 (misleading commercial practices)", year: 2007 },
    ],
};

pub(super) const CANADA: DisclosureRules = DisclosureRules {
    market: Market::Canada,
    accepted_labels: &["#ad", "#sponsored", "#BrandPartner", "#publicité", "#commandité"],
    labels_to_avoid: &["#sp", "#spon", "#collab", "#thanks"],
    placement: &[
        "Clear and prominent, in the post itself and near the top, in the language of the post (French labels for French content).",
        "Not buried in hashtags or only in the bio.",
    ],
    video: &["Say it and show it in the video, at the start and throughout long videos and live streams."],
    gifted_products: "Free products, discounts and other perks are a material connection and must be disclosed.",
    contract_notes: &[
        "Hidden material connections are false or misleading representations under the Competition Act.",
        "Performance claims must be based on adequate and proper testing.",
    ],
    mandatory_contract_clauses: &[],
    sources: &[
        RuleSource { name: "Competition Bureau Canada, Influencer marketing and the Competition Act", year: 2022 },
        RuleSource { name: "Ad Standards, Influencer Marketing Disclosure Guidelines", year: 2023 },
    ],
};

pub(super) const AUSTRALIA: DisclosureRules = DisclosureRules {
    market: Market::Australia,
    accepted_labels: &["#ad", "Advertising", "Paid partnership", "Sponsored"],
    labels_to_avoid: &["#sp", "#spon", "#collab", "#gifted", "#partner"],
    placement: &[
        "Clearly distinguishable as advertising: a label at the start of the post that the audience cannot miss.",
        "The platform's paid-partnership tool plus a label in the caption.",
    ],
    video: &["Show the label on screen and say it in the video, not only in the description."],
    gifted_products: "When the brand has a reasonable degree of control over the content, a gifted product makes it advertising; otherwise disclose the gift so it is not misleading.",
    contract_notes: &[
        "Advertising must be clearly distinguishable as such (AANA Code of Ethics, section 2.7).",
        "Misleading or deceptive conduct, including hidden commercial relationships, breaches the Australian Consumer Law (ACCC).",
    ],
    mandatory_contract_clauses: &[],
    sources: &[
        RuleSource { name: "AANA Code of Ethics, section 2.7 (distinguishable advertising)", year: 2021 },
        RuleSource { name: "ACCC, Guidance for social media influencers (Australian Consumer Law)", year: 2023 },
    ],
};

pub(super) const EU_DEFAULT: DisclosureRules = DisclosureRules {
    market: Market::EuDefault,
    accepted_labels: &["Advertisement", "Ad", "Werbung", "Anzeige", "Publicidad", "Pubblicità", "Reclame"],
    labels_to_avoid: &["#sp", "#spon", "#collab", "#partner"],
    placement: &[
        "Make the commercial intent clear from the start, in the language of the audience.",
        "Use the platform's commercial-content tool where there is one, plus a label in the post.",
    ],
    video: &["Show the label in the video itself for long enough to be read, and say it where possible."],
    gifted_products: "Gifts given for content are a commercial relationship: disclose them.",
    contract_notes: &[
        "Hidden advertising (editorial content paid for by a trader without making it clear) is always an unfair commercial practice (UCPD, Annex I point 11).",
        "National rules may add requirements: check the law of the target country.",
    ],
    mandatory_contract_clauses: &[],
    sources: &[
        RuleSource { name: "Unfair Commercial Practices Directive 2005/29/EC", year: 2005 },
        RuleSource { name: "European Commission, Guidance on the interpretation and application of the UCPD (2021/C 526/01)", year: 2021 },
    ],
};
