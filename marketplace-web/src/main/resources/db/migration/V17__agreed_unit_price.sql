-- A hold may carry the unit price agreed for it (excluding VAT), which checkout charges instead of the listing's: an
-- accepted allocation plan gives an association units at what it can pay, the solidarity fund covering the rest of
-- the chain's costs. Null: the listing's price.
alter table reservation add column agreed_unit_price numeric(10, 2) check (agreed_unit_price >= 0);
