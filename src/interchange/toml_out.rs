//! stub
use crate::bank::Bank;
pub enum TomlLayout {
    Folder,
    SingleFile,
}
pub fn write(_bank: &Bank, _layout: TomlLayout) -> Vec<(String, String)> {
    todo!()
}
