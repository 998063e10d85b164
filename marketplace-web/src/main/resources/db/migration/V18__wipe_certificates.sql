-- Data-wipe certificates: Boucle's signed statement that a device's storage media were wiped, issued on first request
-- for a successful DATA_WIPED custody event and served again as stored.

create table wipe_certificate (
    id           uuid         primary key,
    -- Printed on the PDF and in its QR code: 128 random bits in base32, whoever holds it may verify the certificate.
    code         varchar(26)  not null unique,
    -- No foreign keys: a certificate is a signed statement that stays, and says so when the chain no longer holds.
    device_id    uuid         not null,
    event_id     uuid         not null unique,
    issued_at    timestamptz  not null,
    -- The canonical JSON signed (Ed25519, the custody key): what the certificate states, byte for byte.
    content      text         not null,
    signature    text         not null,
    public_key   text         not null
);
create index wipe_certificate_device_idx on wipe_certificate (device_id);
