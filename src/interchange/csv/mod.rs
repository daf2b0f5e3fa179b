//! stub
use super::Imported;
use crate::bank::{BankErrors, SourceFile};
pub fn read(_source: SourceFile) -> Result<Imported, BankErrors> {
    todo!()
}
