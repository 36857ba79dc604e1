//! Request extractors whose rejections are JSON [`ApiError`]s.

use std::collections::HashMap;

use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use narrascope_store::Page;

use crate::error::ApiError;

/// The query string as a map (the last value of a repeated key wins).
pub struct Params(pub HashMap<String, String>);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map(|Query(m)| Params(m))
            .map_err(|_| ApiError::bad_request("malformed query string"))
    }
}

impl Params {
    /// A parameter's value.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    /// `limit` (clamped to 1..=200) and `offset`.
    pub fn page(&self) -> Result<Page, ApiError> {
        let num = |key: &str| -> Result<Option<usize>, ApiError> {
            match self.get(key).filter(|v| !v.is_empty()) {
                None => Ok(None),
                Some(v) => v.parse::<usize>().map(Some).map_err(|_| {
                    ApiError::bad_request(format!("`{key}` must be a non-negative integer"))
                }),
            }
        };
        Ok(Page::new(num("limit")?, num("offset")?))
    }
}

/// One path parameter.
pub struct Id(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<String>::from_request_parts(parts, state)
            .await
            .map(|Path(id)| Id(id))
            .map_err(|_| ApiError::bad_request("malformed path"))
    }
}
