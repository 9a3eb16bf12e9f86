CREATE TABLE IF NOT EXISTS crud_peer_assistants (
    id uuid PRIMARY KEY,
    body jsonb NOT NULL,
    version bigint NOT NULL,
    created_at timestamptz NOT NULL
);
