//! Post-purchase survey answers. Both columns are required, so a merge has nothing to keep.

use crate::Workspace;
use microplan_csv::columns::ColumnKind::Text;
use microplan_csv::columns::{column, ColumnSpec};
use microplan_csv::row_reader::RowReader;
use microplan_plan::attribution::SurveyAnswer;

use super::{ImportTable, TableKind};

pub struct SurveyAnswers;

impl ImportTable for SurveyAnswers {
    type Row = SurveyAnswer;
    const KIND: TableKind = TableKind::SurveyAnswers;
    const LABEL: &'static str = "Survey answers";
    const FILE_STEM: &'static str = "survey_answers";
    const DESCRIBE: &'static str = "One row per post-purchase survey answer (How did you hear about us?): the order and the answer.";
    const STORED_TABLE: &'static str = "attribution";
    const COLUMNS: &'static [ColumnSpec] = COLUMNS;
    const KEY_COLUMNS: &'static [&'static str] = &["order_id"];

    fn parse(r: &mut RowReader) -> Option<SurveyAnswer> {
        survey_answer(r)
    }

    fn cells(row: &SurveyAnswer) -> Vec<String> {
        survey_answer_cells(row)
    }

    fn key(row: &SurveyAnswer) -> Vec<String> {
        survey_answer_key(row)
    }

    fn rows(workspace: &Workspace) -> &[SurveyAnswer] {
        &workspace.attribution.survey_answers
    }

    fn rows_mut(workspace: &mut Workspace) -> &mut Vec<SurveyAnswer> {
        &mut workspace.attribution.survey_answers
    }
}

#[rustfmt::skip]
const COLUMNS: &[ColumnSpec] = &[
    column("order_id", "Order", Text, true, &["order number", "order id", "order", "name"], "The order the answer belongs to."),
    column("answer", "Answer", Text, true,
        &["how did you hear about us", "how did you hear about us?", "response", "attribution", "source", "hdyhau"],
        "What the customer wrote or picked."),
];

fn survey_answer(r: &mut RowReader) -> Option<SurveyAnswer> {
    let order_id = r.text("order_id");
    let answer = r.text("answer");
    Some(SurveyAnswer {
        order_id: order_id?,
        answer: answer?,
    })
}

fn survey_answer_cells(row: &SurveyAnswer) -> Vec<String> {
    vec![row.order_id.clone(), row.answer.clone()]
}

fn survey_answer_key(row: &SurveyAnswer) -> Vec<String> {
    vec![row.order_id.clone()]
}
