-- Schema 8: an index on every foreign key, so that following a link from
-- either end reads a few rows instead of the whole table.
CREATE INDEX IF NOT EXISTS idx_action_items_meeting_id ON action_items(meeting_id);
CREATE INDEX IF NOT EXISTS idx_action_items_owner_id ON action_items(owner_id);
CREATE INDEX IF NOT EXISTS idx_action_items_initiative_id ON action_items(initiative_id);
CREATE INDEX IF NOT EXISTS idx_action_items_decision_id ON action_items(decision_id);
CREATE INDEX IF NOT EXISTS idx_action_items_carried_to_meeting_id ON action_items(carried_to_meeting_id);
CREATE INDEX IF NOT EXISTS idx_decisions_meeting_id ON decisions(meeting_id);
CREATE INDEX IF NOT EXISTS idx_decisions_owner_id ON decisions(owner_id);
CREATE INDEX IF NOT EXISTS idx_decisions_initiative_id ON decisions(initiative_id);
CREATE INDEX IF NOT EXISTS idx_decisions_target_id ON decisions(target_id);
CREATE INDEX IF NOT EXISTS idx_decisions_superseded_by_id ON decisions(superseded_by_id);
CREATE INDEX IF NOT EXISTS idx_decisions_supersedes_id ON decisions(supersedes_id);
CREATE INDEX IF NOT EXISTS idx_initiative_targets_target_id ON initiative_targets(target_id);
CREATE INDEX IF NOT EXISTS idx_initiatives_owner_id ON initiatives(owner_id);
CREATE INDEX IF NOT EXISTS idx_initiatives_lead_department_id ON initiatives(lead_department_id);
CREATE INDEX IF NOT EXISTS idx_initiatives_journey_id ON initiatives(journey_id);
CREATE INDEX IF NOT EXISTS idx_status_updates_author_id ON status_updates(author_id);
CREATE INDEX IF NOT EXISTS idx_targets_parent_id ON targets(parent_id);
CREATE INDEX IF NOT EXISTS idx_targets_owner_id ON targets(owner_id);
CREATE INDEX IF NOT EXISTS idx_attendances_member_id ON attendances(member_id);
CREATE INDEX IF NOT EXISTS idx_attendances_proxy_member_id ON attendances(proxy_member_id);
CREATE INDEX IF NOT EXISTS idx_members_department_id ON members(department_id);
CREATE INDEX IF NOT EXISTS idx_journeys_owner_id ON journeys(owner_id);
CREATE INDEX IF NOT EXISTS idx_risks_initiative_id ON risks(initiative_id);
CREATE INDEX IF NOT EXISTS idx_risks_journey_id ON risks(journey_id);
CREATE INDEX IF NOT EXISTS idx_risks_owner_id ON risks(owner_id);
CREATE INDEX IF NOT EXISTS idx_action_reviews_action_item_id ON action_reviews(action_item_id);
