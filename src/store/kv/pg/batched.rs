//! One statement for several rows: a single-row insert or upsert
//! (`INSERT ... VALUES (<tuple>) [ON CONFLICT ...]`) made to insert `n`
//! rows, its tuple repeated with the parameters numbered on. A round trip
//! per row was most of the time of a bulk write (`copy`, `demo`, an
//! import) on PostgreSQL.

/// `single` made to insert `rows` rows; `single` itself for one row or a
/// statement not of that form.
pub fn batch_sql(single: &str, rows: usize) -> String {
    let Some(values) = single.find(" VALUES ") else {
        return single.to_string();
    };
    let (head, after) = single.split_at(values + " VALUES ".len());
    let Some(end) = tuple_end(after) else {
        return single.to_string();
    };
    let (tuple, rest) = after.split_at(end);
    if rows <= 1 {
        return single.to_string();
    }
    let width = tuple.matches('$').count();
    let tuples: Vec<String> = (0..rows).map(|r| renumber(tuple, r * width)).collect();
    format!("{head}{}{rest}", tuples.join(", "))
}

/// The length of the parenthesised tuple `text` starts with (nested
/// parentheses included), if it starts with one that closes.
fn tuple_end(text: &str) -> Option<usize> {
    if !text.starts_with('(') {
        return None;
    }
    let mut depth = 0usize;
    for (at, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 1 => return Some(at + 1),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// `tuple` with every parameter `$n` as `$(n + offset)`.
fn renumber(tuple: &str, offset: usize) -> String {
    let mut out = String::with_capacity(tuple.len() + 8);
    let mut rest = tuple;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..=at]);
        rest = &rest[at + 1..];
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let n: usize = rest[..digits].parse().unwrap_or(0);
        out.push_str(&(n + offset).to_string());
        rest = &rest[digits..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_numbers_every_parameter_on() {
        let single = "INSERT INTO t (a, at) VALUES ($1, 'epoch' + $2::bigint)";
        assert_eq!(
            batch_sql(single, 2),
            "INSERT INTO t (a, at) VALUES ($1, 'epoch' + $2::bigint), ($3, 'epoch' + $4::bigint)"
        );
    }

    #[test]
    fn an_upsert_keeps_its_conflict_clause_once_after_the_rows() {
        let single = "INSERT INTO t (a, b) VALUES ($1, f($2)) \
                      ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b";
        assert_eq!(
            batch_sql(single, 3),
            "INSERT INTO t (a, b) VALUES ($1, f($2)), ($3, f($4)), ($5, f($6)) \
             ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b"
        );
        assert_eq!(batch_sql(single, 1), single);
    }
}
