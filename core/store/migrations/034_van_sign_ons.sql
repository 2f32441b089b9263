-- Who drives which van on a day: a driver signs on to one van for the day (the driver page or
-- POST /api/v1/vans/{code}/sign-on); signing on to another van that day moves them. A stop's
-- key-safe code is shown only to the drivers signed on to the van whose route holds it.
CREATE TABLE van_sign_ons (
    plan_date TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users(id),
    van_id BIGINT NOT NULL REFERENCES vans(id),
    signed_on_at TEXT NOT NULL,
    PRIMARY KEY (plan_date, user_id)
);
CREATE INDEX van_sign_ons_van ON van_sign_ons(plan_date, van_id);
