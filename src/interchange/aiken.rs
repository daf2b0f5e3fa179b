//! stub
use super::Imported;
use crate::bank::SourceFile;
pub fn read(_source: SourceFile) -> Imported {
    todo!()
}
