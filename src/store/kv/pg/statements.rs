//! The statements a connection has prepared, kept for its life.

use postgres::{GenericClient, Statement};
use std::collections::HashMap;

/// Statements prepared once per connection and kept: each is then one
/// round trip, not two (prepare, then run). A prepared statement belongs
/// to the connection, not a transaction, so one made inside a
/// transaction outlives it.
#[derive(Default)]
pub struct Statements(HashMap<String, Statement>);

impl Statements {
    /// `sql` prepared on `client`'s connection.
    pub fn get(
        &mut self,
        client: &mut impl GenericClient,
        sql: &str,
    ) -> Result<Statement, postgres::Error> {
        if let Some(statement) = self.0.get(sql) {
            return Ok(statement.clone());
        }
        let statement = client.prepare(sql)?;
        self.0.insert(sql.to_string(), statement.clone());
        Ok(statement)
    }
}
