//! A QR code of a link, as SVG text to project or print, drawn by the `qrcode` crate's own SVG
//! renderer. The page puts it inside an element that carries its text alternative.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The XML declaration the renderer starts with; inside an HTML page it has no place.
const XML_DECLARATION: &str = r#"<?xml version="1.0" standalone="yes"?>"#;

/// The QR code of `text` as an `<svg>` element (black on white, with the four-module quiet
/// zone readers need), or why there is none: a link longer than a QR code holds.
///
/// Error correction is level M (15 % of the code may be damaged or covered), the usual
/// choice for a code that is projected or printed.
pub fn qr_svg(text: &str) -> Result<String, String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).map_err(|_| {
        format!(
            "The link is too long for a QR code ({} characters); shorten the instructions, or hand the link out as text.",
            text.chars().count()
        )
    })?;
    let image = code
        .render::<svg::Color<'_>>()
        .quiet_zone(true)
        .module_dimensions(8, 8)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    Ok(image
        .strip_prefix(XML_DECLARATION)
        .map(str::to_string)
        .unwrap_or(image))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_one_svg_element_without_an_xml_declaration() {
        let svg = qr_svg("https://school.example/quiz/index.html?a=1.abc.def").unwrap();
        assert!(svg.starts_with("<svg "), "{}", &svg[..40]);
        assert!(svg.ends_with("</svg>"));
        assert!(!svg.contains("<?xml"));
        assert!(!svg.contains("<script"));
    }

    #[test]
    fn a_link_too_long_for_any_qr_code_is_explained() {
        // Version 40 at level M holds 2,331 bytes.
        let long = "a".repeat(2_400);
        assert!(
            qr_svg(&long)
                .unwrap_err()
                .contains("too long for a QR code")
        );
        assert!(qr_svg(&"a".repeat(2_000)).is_ok());
    }
}
