-- A hold that ends (released, expired) looks up the plan that counted it: by reservation, not by a scan.
create index allocation_assignment_reservation_idx on allocation_assignment (reservation_id)
    where reservation_id is not null;
