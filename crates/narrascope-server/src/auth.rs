//! The write token.

use axum::http::HeaderMap;
use subtle::ConstantTimeEq;

use crate::error::ApiError;
use axum::http::StatusCode;

/// Checks `Authorization: Bearer TOKEN` against the configured token.
///
/// Without a configured token the server is read-only and every write is refused
/// (403). The comparison runs in constant time for equal lengths, so response timing
/// does not reveal how many leading bytes of a guess were right; it does reveal
/// whether the length matched, which tells an attacker little about a long random token.
pub fn check(headers: &HeaderMap, expected: Option<&str>) -> Result<(), ApiError> {
    // An empty token would let `Bearer ` through: treat it as no token.
    let Some(expected) = expected.filter(|t| !t.is_empty()) else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "read_only",
            "this server is read-only (start it with NARRASCOPE_TOKEN set to allow writes)",
        ));
    };
    let given = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if bool::from(given.as_bytes().ct_eq(expected.as_bytes())) {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "missing or wrong bearer token",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(axum::http::header::AUTHORIZATION, value.parse().unwrap());
        h
    }

    #[test]
    fn only_the_exact_token_passes() {
        assert!(check(&headers("Bearer s3cret"), Some("s3cret")).is_ok());
        for wrong in [
            "Bearer s3cre",
            "Bearer s3cretx",
            "s3cret",
            "Bearer S3CRET",
            "Bearer ",
        ] {
            let e = check(&headers(wrong), Some("s3cret")).unwrap_err();
            assert_eq!(e.status, StatusCode::UNAUTHORIZED, "{wrong}");
        }
        assert_eq!(
            check(&HeaderMap::new(), Some("s3cret")).unwrap_err().status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            check(&headers("Bearer x"), None).unwrap_err().status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            check(&headers("Bearer "), Some("")).unwrap_err().status,
            StatusCode::FORBIDDEN
        );
    }
}
