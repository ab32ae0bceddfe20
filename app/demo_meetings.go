package app

import (
	"cxcommittee/models"
)

// meetingOffsets are the sample meetings' days relative to asOf: three held
// (the first two with approved minutes) and the next one planned.
var meetingOffsets = [4]int{-89, -54, -26, 9}

func (b *demoBuilder) meetingsAndAttendance() error {
	statuses := []models.MeetingStatus{models.MeetingMinutesApproved, models.MeetingMinutesApproved, models.MeetingHeld, models.MeetingPlanned}
	for n, off := range meetingOffsets {
		day := b.day(off)
		// Meetings start planned so their records can be written; closeMeetings
		// then gives them their real status.
		m := models.PlannedMeeting(day)
		if err := createIn(b.tx, &m); err != nil {
			return err
		}
		m.Status = statuses[n]
		b.meetings = append(b.meetings, m)
		if m.Status == models.MeetingPlanned {
			continue
		}
		if err := b.attendance(n, m); err != nil {
			return err
		}
	}
	return nil
}

// attendance records who came to held meeting n; most are present, a few
// send apologies, one is absent and one sends a proxy.
func (b *demoBuilder) attendance(n int, m models.Meeting) error {
	exceptions := []map[string]string{
		{"Tom Becker": "apologies", "Sofia Rossi": "absent"},
		{"Mei Lin": "proxy:Daniel Okafor", "Hannah Weber": "apologies", "James Carter": "apologies"},
		{"Aisha Mensah": "apologies", "Tom Becker": "proxy:Oliver Grant", "Hannah Weber": "absent"},
	}[n]
	var names []string
	if err := b.tx.Model(&models.Member{}).Where("role <> ? AND (active_from IS NULL OR active_from <= ?)", models.RoleGuest, m.Date).
		Order("id").Pluck("name", &names).Error; err != nil {
		return err
	}
	for _, name := range names {
		a := models.Attendance{MeetingID: m.ID, MemberID: *b.ref(b.member, name), Status: models.AttendancePresent}
		if ex, ok := exceptions[name]; ok {
			if len(ex) > 6 && ex[:6] == "proxy:" {
				a.Status, a.ProxyMemberID = models.AttendanceProxy, b.ref(b.member, ex[6:])
			} else {
				a.Status = models.AttendanceStatus(ex)
			}
		}
		if err := createIn(b.tx, &a); err != nil {
			return err
		}
	}
	return nil
}

func (b *demoBuilder) decisionsTaken() error {
	type row struct {
		meeting              int // index into meetings, -1 for none
		statement, rationale string
		status               models.DecisionStatus
		owner, initiative    string
		target               string
		review               *int
		votes                *[3]int
	}
	days := func(n int) *int { return &n }
	rows := []row{
		{0, "Fund the bill shock alerts pilot for 10,000 customers", "Churn among high-bill customers is twice the average.", models.DecisionApproved, "Lukas Novak", "Bill shock alerts", "", days(-10), &[3]int{8, 1, 1}},
		{0, "Adopt NPS as the committee's headline CX measure", "One measure the board already follows.", models.DecisionImplemented, "Claire Donovan", "", "Net Promoter Score", nil, nil},
		{0, "Pause complaint root-cause reviews until the CRM view gives complaint codes", "Reviews without codes repeat manual sampling.", models.DecisionApproved, "Daniel Okafor", "Complaint root-cause reviews", "", days(30), nil},
		{1, "Outsource welcome calls to a partner", "Cheaper, but customers value calls from our own staff.", models.DecisionRejected, "Priya Shah", "Welcome call within 48 hours", "", nil, &[3]int{2, 7, 1}},
		{1, "Launch payment plans in the third quarter", "Ready before the winter bills.", models.DecisionSuperseded, "James Carter", "Payment plans for customers in difficulty", "", nil, nil},
		{2, "Launch payment plans only once the new regulator guidance is met", "The changed guidance makes the earlier plan non-compliant.", models.DecisionApproved, "James Carter", "Payment plans for customers in difficulty", "", days(-3), nil},
		{2, "Extend customer-first training to contractors", "Wait for the staff roll-out results first.", models.DecisionDeferred, "Hannah Weber", "Customer-first training for all staff", "", days(20), nil},
		{2, "Fund a second chatbot hand-over sprint", "Hand-over failures drive repeat contacts.", models.DecisionApproved, "", "Chatbot hand-over to agents", "Customer effort score", days(60), nil},
		{-1, "Add move-in set-up time to the quarterly board pack", "Movers are our most likely churners.", models.DecisionProposed, "Sofia Rossi", "", "Move-in set up on time", nil, nil},
	}
	for _, r := range rows {
		d := models.Decision{Statement: r.statement, Rationale: r.rationale, Status: r.status,
			OwnerID: b.ref(b.member, r.owner), InitiativeID: b.ref(b.initiative, r.initiative), TargetID: b.ref(b.target, r.target)}
		if r.meeting >= 0 {
			d.MeetingID, d.DecidedOn = &b.meetings[r.meeting].ID, b.meetings[r.meeting].Date
		}
		if r.review != nil {
			d.ReviewDate = b.day(*r.review)
		}
		if r.votes != nil {
			d.VotesFor, d.VotesAgainst, d.VotesAbstain = &r.votes[0], &r.votes[1], &r.votes[2]
		}
		if d.Status == models.DecisionSuperseded {
			d.Status = models.DecisionApproved // becomes superseded once its successor exists
		}
		if err := createIn(b.tx, &d); err != nil {
			return err
		}
		b.decisions = append(b.decisions, d)
	}
	// The Q3 launch decision (4) is superseded by the later one (5).
	old, repl := &b.decisions[4], &b.decisions[5]
	repl.SupersedesID = &old.ID
	if err := updateIn(b.tx, repl); err != nil {
		return err
	}
	old.Status, old.SupersededByID = models.DecisionSuperseded, &repl.ID
	return updateIn(b.tx, old)
}

func (b *demoBuilder) actions() error {
	type row struct {
		desc, owner         string
		due, revised        int // days from asOf; revised 0 means none
		status              models.ActionStatus
		meeting, decision   int // indexes, -1 for none
		initiative          string
		carried, closedDays int
	}
	rows := []row{
		{"Send the revised bill shock launch plan to the committee", "Lukas Novak", -12, 0, models.ActionOpen, 2, 0, "Bill shock alerts", 0, 0},
		{"Book customer-first training for every team manager", "Hannah Weber", -40, -5, models.ActionInProgress, 1, -1, "Customer-first training for all staff", 1, 0},
		{"Name an owner for the chatbot hand-over", "Claire Donovan", -68, 5, models.ActionOpen, 0, -1, "Chatbot hand-over to agents", 2, 0},
		{"Share first-contact resolution results with all team leaders", "Priya Shah", -30, 0, models.ActionDone, 1, -1, "First-contact resolution coaching", 0, -20},
		{"Draft the payment-plan policy with Legal", "James Carter", -9, 0, models.ActionOpen, 2, 5, "Payment plans for customers in difficulty", 0, 0},
		{"Confirm the CRM data migration scope", "Mei Lin", 10, 0, models.ActionInProgress, 2, -1, "Unified customer view in the CRM", 0, 0},
		{"Publish the CX vision on the intranet", "Emma Clarke", -60, 0, models.ActionDone, 0, -1, "", 0, -66},
		{"Cost the move-in notification pilot", "Sofia Rossi", 20, 0, models.ActionOpen, 2, -1, "Proactive move-in notifications", 0, 0},
		{"Brief the sponsor on the welcome call partner decision", "Claire Donovan", -45, 0, models.ActionCancelled, 1, 3, "Welcome call within 48 hours", 0, -44},
		{"Add complaint codes to the CRM", "Mei Lin", -50, -2, models.ActionOpen, 0, 2, "Complaint root-cause reviews", 2, 0},
		{"Present customer verbatims on effort at the next meeting", "Oliver Grant", 9, 0, models.ActionOpen, 2, -1, "", 0, 0},
		{"Review the password reset test plan", "Daniel Okafor", -20, 0, models.ActionDone, 1, -1, "Self-service password reset", 0, -15},
	}
	for _, r := range rows {
		a := models.ActionItem{Description: r.desc, OwnerID: b.ref(b.member, r.owner), OriginalDueDate: b.day(r.due),
			Status: r.status, InitiativeID: b.ref(b.initiative, r.initiative), TimesCarriedOver: r.carried}
		if r.revised != 0 {
			a.RevisedDueDate = b.day(r.revised)
		}
		if r.meeting >= 0 {
			a.MeetingID, a.OpenedOn = &b.meetings[r.meeting].ID, b.meetings[r.meeting].Date
			if !a.Status.Closed() {
				// Closing each held meeting carried its open actions on to the next one.
				a.CarriedToMeetingID = &b.meetings[3].ID
			}
		}
		if r.decision >= 0 {
			a.DecisionID = &b.decisions[r.decision].ID
		}
		if r.closedDays != 0 {
			a.ClosedOn = b.day(r.closedDays)
		}
		if err := createIn(b.tx, &a); err != nil {
			return err
		}
		if a.CarriedToMeetingID != nil { // each later meeting reviewed it
			for k := r.meeting + 1; k <= 3; k++ {
				if err := noteReview(b.tx, a.ID, b.meetings[k].ID); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// agenda drafts the items of the last held meeting and the planned one.
func (b *demoBuilder) agenda() error {
	type row struct {
		meeting int
		topic   string
		kind    models.RecordKind
		id      *uint
	}
	rows := []row{
		{2, "Welcome, apologies and minutes of the last meeting", "", nil},
		{2, "Payment plans: regulator guidance changed", models.RecordInitiative, b.ref(b.initiative, "Payment plans for customers in difficulty")},
		{2, "Chatbot hand-over: funding request", models.RecordInitiative, b.ref(b.initiative, "Chatbot hand-over to agents")},
		{3, "Welcome, apologies and minutes of the last meeting", "", nil},
		{3, "Bill shock alerts is red: recovery plan", models.RecordInitiative, b.ref(b.initiative, "Bill shock alerts")},
		{3, "Customer churn rate is off track", models.RecordTarget, b.ref(b.target, "Customer churn rate")},
		{3, "Legal has no representative on the committee", models.RecordDepartment, b.ref(b.dept, "Legal")},
	}
	pos := map[int]int{}
	for _, r := range rows {
		pos[r.meeting]++
		a := models.AgendaItem{MeetingID: b.meetings[r.meeting].ID, Position: pos[r.meeting], Topic: r.topic, LinkKind: r.kind, LinkID: r.id}
		if err := createIn(b.tx, &a); err != nil {
			return err
		}
	}
	return nil
}

// closeMeetings gives the sample meetings their held and approved statuses
// once everything taken at them is written.
func (b *demoBuilder) closeMeetings() error {
	for _, m := range b.meetings {
		if err := b.tx.Model(&models.Meeting{}).Where("id = ?", m.ID).Update("status", m.Status).Error; err != nil {
			return err
		}
		if err := recordFields(b.tx, "meetings", m.ID, m.Title, map[string][2]string{"status": {string(models.MeetingPlanned), string(m.Status)}}); err != nil {
			return err
		}
	}
	return nil
}
