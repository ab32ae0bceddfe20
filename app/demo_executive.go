package app

import (
	"math"
	"strconv"

	"cxcommittee/models"
)

// money gives a sample initiative its budget, spend and realised benefit:
// budgets at about half a year's benefit, spend following progress (red
// ones over plan), and benefit realised once the work lands.
func (d demoInitiative) money() (budget, spend, realised float64) {
	budget = math.Round(d.benefit*0.55/1000) * 1000
	spend = budget * float64(d.pct) / 100
	switch {
	case d.health == models.HealthRed && d.status == models.InitiativeActive:
		spend *= 1.35
	case d.health == models.HealthAmber:
		spend *= 1.1
	}
	switch d.status {
	case models.InitiativeDone:
		realised = d.benefit * 0.8
	case models.InitiativeActive:
		if d.pct >= 60 {
			realised = d.benefit * float64(d.pct-50) / 100
		}
	}
	return budget, math.Round(spend/100) * 100, math.Round(realised/100) * 100
}

// executive adds what the sponsor is asked and told: two escalated
// decisions for the planned meeting, the chair's commentary on the last
// meeting held, and the risk register.
func (b *demoBuilder) executive() error {
	planned := b.meetings[len(b.meetings)-1]
	asks := []models.Decision{
		{Statement: "Approve €130,000 to replace the SMS gateway for bill shock alerts",
			Rationale:      "The current gateway failed the security review; the vendor offers no fix date.",
			Options:        "Replace the gateway with the group's approved provider (€130,000, launch in February)\nWait for the current vendor's fix (€20,000, no date)\nStop bill shock alerts",
			Recommendation: "Replace the gateway: each month of delay costs about €20,000 of churn savings.",
			AtStake:        "€240,000 a year of expected churn savings, and the churn target for next year.",
			NeededBy:       b.workday(10), OwnerID: b.ref(b.member, "Lukas Novak"), InitiativeID: b.ref(b.initiative, "Bill shock alerts")},
		{Statement: "Launch payment plans before winter under an interim policy",
			Rationale:      "The regulator's new guidance needs a policy rewrite that will not be ready before the winter bills.",
			Options:        "Launch in December under an interim policy the regulator has seen\nWait for the full policy (launch in March)",
			Recommendation: "Launch under the interim policy, with Legal's sign-off, so vulnerable customers are covered this winter.",
			AtStake:        "€200,000 a year of expected benefit, and about 4,000 customers in arrears this winter.",
			NeededBy:       b.workday(6), OwnerID: b.ref(b.member, "James Carter"), InitiativeID: b.ref(b.initiative, "Payment plans for customers in difficulty")},
	}
	for i := range asks {
		asks[i].Status, asks[i].Escalated, asks[i].MeetingID = models.DecisionProposed, true, &planned.ID
		if err := createIn(b.tx, &asks[i]); err != nil {
			return err
		}
	}
	// The chair writes the commentary for the coming meeting's report.
	held := planned
	held.Commentary = "Two initiatives turned red this period: bill shock alerts (the SMS gateway failed its security review) and payment plans (new regulator guidance). " +
		"First-contact resolution has reached its target. NPS and churn are improving, but too slowly: both are off track against their plans. Next: we ask you to fund a new gateway and to let payment plans launch before winter."
	if err := b.tx.Model(&models.Meeting{}).Where("id = ?", held.ID).Update("commentary", held.Commentary).Error; err != nil {
		return err
	}
	return b.risks()
}

// risks fills the risk register with the programme's usual threats.
func (b *demoBuilder) risks() error {
	rows := []struct {
		title, desc, initiative, journey, owner string
		likelihood, impact                      int
		mitigation                              string
		status                                  models.RiskStatus
		review                                  int
	}{
		{"SMS gateway replacement slips past the winter billing peak", "A new provider needs security review and integration before alerts can launch.", "Bill shock alerts", "", "Lukas Novak",
			4, 4, "Use the group's already-approved provider; weekly check-ins with IT security.", models.RiskOpen, -2},
		{"Regulator rejects the interim payment plan policy", "The new guidance is still being interpreted across the industry.", "Payment plans for customers in difficulty", "", "James Carter",
			3, 5, "Share the draft with the regulator's liaison before launch; Legal signs off.", models.RiskMitigating, 7},
		{"CRM data migration exposes duplicate customer records", "Four source systems hold overlapping records with no shared key.", "Unified customer view in the CRM", "", "Mei Lin",
			4, 3, "Run the matching rules on a full copy first; budget two weeks of clean-up.", models.RiskMitigating, 14},
		{"Agents' attrition erodes first-contact resolution gains", "Coached agents leave faster than new ones are trained.", "First-contact resolution coaching", "Getting help", "Priya Shah",
			3, 3, "Retention bonus for coached agents; coaching moved into induction.", models.RiskOpen, 30},
		{"Managers do not release staff for customer-first training", "Only 40% of managers have booked their teams.", "Customer-first training for all staff", "", "Hannah Weber",
			4, 2, "Sponsor's letter to every director; bookings reported at each meeting.", models.RiskOpen, -5},
		{"Movers' data arrives late from the network operator", "Set-up dates depend on a daily file that often arrives after noon.", "", "Moving home", "Sofia Rossi",
			2, 3, "Ask the operator for an earlier file in the next contract review.", models.RiskAccepted, 60},
		{"Survey fatigue lowers NPS response rates", "Customers receive up to four surveys a month.", "Voice of the customer dashboard", "", "Oliver Grant",
			2, 2, "One survey per customer per quarter across all teams.", models.RiskClosed, 0},
	}
	for _, r := range rows {
		risk := models.Risk{Title: r.title, Description: r.desc, InitiativeID: b.ref(b.initiative, r.initiative), JourneyID: b.ref(b.journey, r.journey),
			OwnerID: b.ref(b.member, r.owner), Likelihood: r.likelihood, Impact: r.impact, Mitigation: r.mitigation, Status: r.status}
		if r.status != models.RiskClosed {
			risk.ReviewDate = b.day(r.review)
		}
		if err := createIn(b.tx, &risk); err != nil {
			return err
		}
		if err := b.riskHistory(risk); err != nil {
			return err
		}
	}
	return nil
}

// riskHistory dates a sample risk back to the programme's start, but for
// the one raised since the last meeting, and records the moves two scores
// made since then.
func (b *demoBuilder) riskHistory(r models.Risk) error {
	moves := map[string][2]string{
		"SMS gateway replacement slips past the winter billing peak": {"likelihood", "3"},
		"Survey fatigue lowers NPS response rates":                   {"impact", "3"},
	}
	if r.Title == "Regulator rejects the interim payment plan policy" {
		return nil // raised at this meeting
	}
	if err := b.tx.Model(&models.Risk{}).Where("id = ?", r.ID).Update("created_at", b.day(-120).Time()).Error; err != nil {
		return err
	}
	m, ok := moves[r.Title]
	if !ok {
		return nil
	}
	now := strconv.Itoa(r.Likelihood)
	if m[0] == "impact" {
		now = strconv.Itoa(r.Impact)
	}
	return recordFields(b.tx, "risks", r.ID, r.Title, map[string][2]string{m[0]: {m[1], now}})
}
