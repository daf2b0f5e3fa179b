//! stub
use super::{Exported, Imported};
use crate::bank::{Bank, BankErrors, SourceFile};
pub fn read(_source: SourceFile) -> Result<Imported, BankErrors> {
    todo!()
}
pub fn write(_bank: &Bank) -> Exported {
    todo!()
}
