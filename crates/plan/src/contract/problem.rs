//! A problem found in a contract's choices: how serious it is, the part of the form it
//! belongs to and the sentence that says what to change. Shared by the checks in
//! `validate` and `ranges`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Conflict,
    Warning,
}

/// The part of the form a problem belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceArea {
    Parties,
    Dates,
    Deliverables,
    Creative,
    Compensation,
    KillFee,
    Licence,
    Exclusivity,
    Market,
    Reporting,
}

impl ChoiceArea {
    pub fn label(self) -> &'static str {
        match self {
            ChoiceArea::Parties => "Parties",
            ChoiceArea::Dates => "Dates",
            ChoiceArea::Deliverables => "Deliverables",
            ChoiceArea::Creative => "Creative control",
            ChoiceArea::Compensation => "Compensation",
            ChoiceArea::KillFee => "Kill fee",
            ChoiceArea::Licence => "Usage licence",
            ChoiceArea::Exclusivity => "Exclusivity",
            ChoiceArea::Market => "Market",
            ChoiceArea::Reporting => "KPIs and reporting",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub area: ChoiceArea,
    pub message: String,
}
