-- A case's plan log in PostgreSQL: the case's header (options, consents) and its events in order.
-- Events are only ever appended (jusou_store.append), each checked by jusou first.
CREATE TABLE IF NOT EXISTS plan_case (
    case_id    text PRIMARY KEY,
    options    jsonb,
    consents   jsonb NOT NULL DEFAULT '[]'::jsonb
);

CREATE TABLE IF NOT EXISTS plan_event (
    case_id    text    NOT NULL REFERENCES plan_case (case_id),
    seq        integer NOT NULL,
    event      jsonb   NOT NULL,
    PRIMARY KEY (case_id, seq)
);
