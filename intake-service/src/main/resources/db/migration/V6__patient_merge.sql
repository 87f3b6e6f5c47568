-- A patient merged into another answers with the survivor from then on.
alter table patient add column merged_into uuid references patient (id);
alter table possible_duplicate add column resolved_at timestamptz;
