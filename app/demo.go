package app

import (
	"fmt"
	"math"
	"time"

	"cxcommittee/models"

	"gorm.io/gorm"
)

// LoadDemo fills an empty database with a realistic sample committee dated
// around asOf. The same asOf always gives the same data. On a database that
// already holds data it changes nothing and returns ErrNotEmpty.
func (s *Store) LoadDemo(asOf models.Date) error {
	return s.writeLarge(models.WhyDemo, func(tx *gorm.DB) error {
		empty, err := (&Store{db: tx}).IsEmpty()
		if err != nil {
			return err
		}
		if !empty {
			return fmt.Errorf("%w; the sample committee only goes into an empty database (choose another --db path)", ErrNotEmpty)
		}
		b := &demoBuilder{tx: tx, asOf: asOf, dept: map[string]uint{}, member: map[string]uint{},
			journey: map[string]uint{}, target: map[string]uint{}, initiative: map[string]uint{}}
		steps := []func() error{b.program, b.departments, b.members, b.journeys, b.targets, b.measurements,
			b.initiatives, b.statusUpdates, b.meetingsAndAttendance, b.decisionsTaken, b.actions, b.agenda, b.executive, b.closeMeetings, b.recordedByAsOf}
		for _, step := range steps {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
}

// demoBuilder inserts the sample committee and remembers IDs by name.
type demoBuilder struct {
	tx                                        *gorm.DB
	asOf                                      models.Date
	dept, member, journey, target, initiative map[string]uint
	meetings                                  []models.Meeting
	decisions                                 []models.Decision
}

func (b *demoBuilder) day(offset int) models.Date { return b.asOf.AddDays(offset) }

// workday is day(offset), brought back to the Friday before when it falls
// on a weekend: a date someone is asked to meet.
func (b *demoBuilder) workday(offset int) models.Date {
	d := b.day(offset)
	switch d.Time().Weekday() {
	case time.Saturday:
		return d.AddDays(-1)
	case time.Sunday:
		return d.AddDays(-2)
	}
	return d
}

// recordedByAsOf dates the sample's rows as recorded by midday of the
// as-of day at the latest, so that a sample dated in the past reads as it
// would have then: what is rebuilt from history as of a day (overall health
// at the previous meeting) sees records by their own dates.
func (b *demoBuilder) recordedByAsOf() error {
	noon := b.asOf.Time().Add(12 * time.Hour)
	for _, m := range allModels() {
		stmt := &gorm.Statement{DB: b.tx}
		if err := stmt.Parse(m); err != nil {
			return err
		}
		if stmt.Schema.LookUpField("CreatedAt") == nil || stmt.Schema.Table == "programs" {
			continue // the settings keep the moment the database was made: its identity (see inviteUID)
		}
		if err := b.tx.Exec("UPDATE "+stmt.Schema.Table+" SET created_at = ? WHERE created_at > ?", noon, noon).Error; err != nil {
			return err
		}
	}
	return nil
}

func (b *demoBuilder) ref(m map[string]uint, name string) *uint {
	if name == "" {
		return nil
	}
	id, ok := m[name]
	if !ok {
		panic("demo data refers to unknown " + name) // a bug in the sample data itself
	}
	return &id
}

func (b *demoBuilder) program() error {
	p := models.NewSettings("Northwind Utilities")
	p.VisionStatement = "Every customer finds us easy to deal with, keeps their promises with us and would recommend us to a friend."
	p.VisionReviewedOn = b.day(-200)
	p.VisionPillars = "Effortless\nReliable\nHuman"
	p.BusinessGoals = "Reduce churn\nLower cost to serve\nGrow share of wallet"
	p.Currency = "EUR"
	return createIn(b.tx, &p)
}

func (b *demoBuilder) departments() error {
	rows := [][2]string{
		{"Customer Experience", "Claire Donovan"}, {"Customer Service", "Priya Shah"}, {"Sales", "Tom Becker"},
		{"Marketing", "Aisha Mensah"}, {"Digital", "Lukas Novak"}, {"IT", "Mei Lin"}, {"Operations", "Richard Hale"},
		{"Supply Chain", "Sofia Rossi"}, {"HR", "Grace Adeyemi"}, {"Finance", "James Carter"}, {"Legal", "Martin Frost"},
	}
	for _, r := range rows {
		d := models.Department{Name: r[0], Head: r[1]}
		if err := createIn(b.tx, &d); err != nil {
			return err
		}
		b.dept[d.Name] = d.ID
	}
	return nil
}

func (b *demoBuilder) members() error {
	type row struct {
		name, email, title, dept string
		role                     models.Role
		authority                bool
		from                     int
	}
	rows := []row{
		{"Claire Donovan", "claire.donovan@northwind.example", "Chief Customer Officer", "Customer Experience", models.RoleChair, true, -700},
		{"Richard Hale", "richard.hale@northwind.example", "Chief Operating Officer", "Operations", models.RoleSponsor, true, -700},
		{"Priya Shah", "priya.shah@northwind.example", "Head of Customer Service", "Customer Service", models.RoleRepresentative, true, -650},
		{"Tom Becker", "tom.becker@northwind.example", "Sales Director", "Sales", models.RoleRepresentative, true, -600},
		{"Aisha Mensah", "aisha.mensah@northwind.example", "Marketing Director", "Marketing", models.RoleRepresentative, true, -600},
		{"Lukas Novak", "lukas.novak@northwind.example", "Head of Digital", "Digital", models.RoleRepresentative, true, -500},
		{"Mei Lin", "mei.lin@northwind.example", "Chief Information Officer", "IT", models.RoleRepresentative, true, -650},
		{"Daniel Okafor", "daniel.okafor@northwind.example", "Operations Manager", "Operations", models.RoleMember, false, -400},
		{"Sofia Rossi", "sofia.rossi@northwind.example", "Supply Chain Director", "Supply Chain", models.RoleRepresentative, true, -300},
		{"Hannah Weber", "hannah.weber@northwind.example", "HR Business Partner", "HR", models.RoleRepresentative, false, -250},
		{"James Carter", "james.carter@northwind.example", "Finance Director", "Finance", models.RoleRepresentative, true, -650},
		{"Emma Clarke", "emma.clarke@northwind.example", "CX Analyst", "Customer Experience", models.RoleSecretary, false, -500},
		{"Oliver Grant", "oliver.grant@northwind.example", "Customer Insight Manager", "Marketing", models.RoleMember, false, -350},
		{"Nina Petrova", "nina.petrova@brightpath.example", "CX Consultant, BrightPath", "", models.RoleGuest, false, -90},
	}
	for _, r := range rows {
		m := models.Member{Name: r.name, Email: r.email, JobTitle: r.title, DepartmentID: b.ref(b.dept, r.dept),
			Role: r.role, DecisionAuthority: r.authority, ActiveFrom: b.day(r.from)}
		if err := createIn(b.tx, &m); err != nil {
			return err
		}
		b.member[m.Name] = m.ID
	}
	return nil
}

func (b *demoBuilder) journeys() error {
	rows := []struct {
		name, desc, owner string
	}{
		{"Joining us", "From first enquiry to the first bill: sign-up, welcome, set-up.", "Aisha Mensah"},
		{"Understanding my bill", "Reading, querying and paying a bill.", "James Carter"},
		{"Getting help", "Any contact when something is wrong: phone, chat, email, app.", "Priya Shah"},
		{"Moving home", "Telling us about a move, final reading, set-up at the new address.", "Sofia Rossi"},
	}
	for n, r := range rows {
		j := models.Journey{Name: r.name, Description: r.desc, Priority: n + 1, OwnerID: b.ref(b.member, r.owner)}
		if err := createIn(b.tx, &j); err != nil {
			return err
		}
		b.journey[j.Name] = j.ID
	}
	return nil
}

// demoTarget is a sample target and how its measurements behave: pace is the
// share of the expected path actually achieved, wobble the monthly noise.
type demoTarget struct {
	t            models.Target
	parent       string
	owner        string
	pace, wobble float64
	sample       int
}

func (b *demoBuilder) demoTargets() []demoTarget {
	base, due := b.baselineDate(), b.baselineDate().AddMonths(18)
	mk := func(name string, kind models.TargetKind, unit string, lo, hi *float64, dir models.Direction, baseline, target, tol float64) models.Target {
		return models.Target{Name: name, Kind: kind, Unit: unit, ScaleMin: lo, ScaleMax: hi, Direction: dir,
			BaselineValue: models.Ptr(baseline), BaselineDate: base, TargetValue: target, TargetDate: due, AmberTolerance: tol}
	}
	pct := func() (*float64, *float64) { return models.Ptr(0.0), models.Ptr(100.0) }
	p0, p100 := pct()
	return []demoTarget{
		{mk("Customer churn rate", models.KindFinancial, "%", p0, p100, models.DirectionDecrease, 8.0, 5.0, 0.3), "", "James Carter", 0.55, 0.08, 0},
		{mk("Cost to serve per customer", models.KindFinancial, "€", models.Ptr(0.0), nil, models.DirectionDecrease, 42, 35, 1), "", "James Carter", 1.02, 0.3, 0},
		{mk("Net Promoter Score", models.KindPerception, "", models.Ptr(-100.0), models.Ptr(100.0), models.DirectionIncrease, 18, 35, 2), "Customer churn rate", "Claire Donovan", 0.9, 0.8, 1200},
		{mk("Customer satisfaction (CSAT)", models.KindPerception, "%", p0, p100, models.DirectionIncrease, 72, 84, 1.5), "Customer churn rate", "Priya Shah", 1.1, 0.5, 900},
		{mk("Customer effort score", models.KindPerception, "", models.Ptr(1.0), models.Ptr(7.0), models.DirectionDecrease, 3.9, 3.0, 0.1), "Cost to serve per customer", "Lukas Novak", 0.45, 0.03, 650},
		{mk("First-contact resolution", models.KindOperational, "%", p0, p100, models.DirectionIncrease, 64, 76, 2), "Net Promoter Score", "Priya Shah", 1.6, 0.4, 5000},
		{mk("Average handle time", models.KindOperational, "minutes", models.Ptr(0.0), nil, models.DirectionDecrease, 9.6, 7.5, 0.3), "Cost to serve per customer", "Daniel Okafor", 1.05, 0.1, 5000},
		{mk("Move-in set up on time", models.KindOperational, "%", p0, p100, models.DirectionIncrease, 86, 95, 1), "Customer satisfaction (CSAT)", "Sofia Rossi", 0.7, 0.3, 400},
	}
}

// baselineDate is the first of the month a year before asOf.
func (b *demoBuilder) baselineDate() models.Date {
	t := b.asOf.Time()
	return models.NewDate(t.Year()-1, t.Month(), 1)
}

func (b *demoBuilder) targets() error {
	for _, d := range b.demoTargets() {
		t := d.t
		t.ParentID = b.ref(b.target, d.parent)
		t.OwnerID = b.ref(b.member, d.owner)
		if err := createIn(b.tx, &t); err != nil {
			return err
		}
		b.target[t.Name] = t.ID
	}
	return nil
}

// measurements writes twelve monthly readings per target, on the first of
// each month after the baseline, following the target's pace with a
// deterministic wobble.
func (b *demoBuilder) measurements() error {
	var all []models.Measurement
	for ti, d := range b.demoTargets() {
		t := d.t
		for k := 1; k <= 12; k++ {
			day := t.BaselineDate.AddMonths(k)
			if day.After(b.asOf) {
				day = b.asOf
			}
			share := models.ElapsedShare(t.BaselineDate, t.TargetDate, day)
			v := *t.BaselineValue + (t.TargetValue-*t.BaselineValue)*share*d.pace + d.wobble*math.Sin(float64(k*(ti+2)))
			all = append(all, models.Measurement{TargetID: b.target[t.Name], Date: day, Value: math.Round(v*100) / 100,
				SampleSize: d.sample, Record: models.Record{Version: 1}})
		}
	}
	if err := b.tx.CreateInBatches(all, 200).Error; err != nil {
		return err
	}
	return readingsCreated(b.tx, all)
}

// demoInitiative is a sample initiative; updated is the days before asOf of
// its latest status update (0 for none).
type demoInitiative struct {
	title, problem, dept, owner, journey, pillar, goal string
	status                                             models.InitiativeStatus
	health                                             models.Health
	reason                                             string
	pct, start, due                                    int
	benefit                                            float64
	targets                                            []string
}

func (b *demoBuilder) demoInitiatives() []demoInitiative {
	return []demoInitiative{
		{"Redesign the welcome pack", "New customers do not know what happens after sign-up and call to ask.", "Marketing", "Aisha Mensah", "Joining us", "Effortless", "Reduce churn",
			models.InitiativeActive, models.HealthGreen, "", 65, -150, 60, 180000, []string{"Net Promoter Score"}},
		{"Self-service password reset", "A third of calls to IT support are locked-out customers.", "IT", "Mei Lin", "Getting help", "Effortless", "Lower cost to serve",
			models.InitiativeActive, models.HealthAmber, "Identity vendor contract signed late; build is three weeks behind plan.", 40, -120, 45, 95000, []string{"First-contact resolution", "Customer effort score"}},
		{"Bill shock alerts", "Customers are surprised by high bills and leave.", "Digital", "Lukas Novak", "Understanding my bill", "Reliable", "Reduce churn",
			models.InitiativeActive, models.HealthRed, "SMS gateway failed security review; launch slips at least six weeks.", 30, -140, 20, 240000, []string{"Customer churn rate"}},
		{"First-contact resolution coaching", "Agents pass on calls they could resolve.", "Customer Service", "Priya Shah", "Getting help", "Human", "Lower cost to serve",
			models.InitiativeActive, models.HealthGreen, "", 80, -200, 30, 120000, []string{"First-contact resolution", "Average handle time"}},
		{"Plain-language bills", "Bills use jargon customers cannot follow.", "Finance", "James Carter", "Understanding my bill", "Effortless", "Reduce churn",
			models.InitiativeDone, models.HealthGreen, "", 100, -330, -20, 150000, []string{"Customer satisfaction (CSAT)", "Customer churn rate"}},
		{"Proactive move-in notifications", "Movers are not told when their supply will be live.", "Supply Chain", "Sofia Rossi", "Moving home", "Reliable", "Grow share of wallet",
			models.InitiativeProposed, models.HealthGreen, "", 0, 30, 210, 60000, []string{"Move-in set up on time"}},
		{"Unified customer view in the CRM", "Agents switch between four systems to see one customer.", "IT", "Mei Lin", "Getting help", "Human", "Lower cost to serve",
			models.InitiativeActive, models.HealthAmber, "Data migration scope still unclear.", 35, -260, 90, 300000, []string{"Average handle time"}},
		{"Complaint root-cause reviews", "The same complaints recur month after month.", "Operations", "Daniel Okafor", "Getting help", "Reliable", "Reduce churn",
			models.InitiativeOnHold, models.HealthAmber, "Paused until the CRM view gives complaint codes.", 20, -180, 120, 70000, []string{"Customer satisfaction (CSAT)"}},
		{"Loyalty callback programme", "Customers who threaten to leave get no call back.", "Sales", "Tom Becker", "Joining us", "Human", "Reduce churn",
			models.InitiativeCancelled, models.HealthRed, "Cancelled: overlapped with the retention team's new offer process.", 15, -300, -60, 50000, []string{"Customer churn rate"}},
		{"Customer-first training for all staff", "Back-office teams have never met a customer.", "HR", "Hannah Weber", "", "Human", "Grow share of wallet",
			models.InitiativeActive, models.HealthAmber, "Only 40% of managers have booked their teams.", 45, -210, 100, 40000, nil},
		{"Paperless move-out", "Movers must post a form to close their account.", "Digital", "Lukas Novak", "Moving home", "Effortless", "Lower cost to serve",
			models.InitiativeProposed, models.HealthGreen, "", 0, 45, 200, 30000, []string{"Move-in set up on time"}},
		{"Welcome call within 48 hours", "New customers with problems churn in the first 90 days.", "Customer Service", "Priya Shah", "Joining us", "Human", "Reduce churn",
			models.InitiativeDone, models.HealthGreen, "", 100, -360, -90, 110000, []string{"Net Promoter Score"}},
		{"Payment plans for customers in difficulty", "Customers in arrears are passed to collections too early.", "Finance", "James Carter", "Understanding my bill", "Human", "Reduce churn",
			models.InitiativeActive, models.HealthRed, "Regulator guidance changed; policy must be rewritten before launch.", 55, -240, -12, 200000, []string{"Customer churn rate", "Customer satisfaction (CSAT)"}},
		{"Voice of the customer dashboard", "Feedback sits in five tools and nobody sees it whole.", "Customer Experience", "Claire Donovan", "", "Reliable", "",
			models.InitiativeActive, models.HealthGreen, "", 70, -100, 40, 25000, []string{"Net Promoter Score", "Customer satisfaction (CSAT)"}},
		{"Chatbot hand-over to agents", "Chatbot conversations end without a way to reach a person.", "Digital", "", "Getting help", "Effortless", "Lower cost to serve",
			models.InitiativeActive, models.HealthAmber, "No owner since the digital reorganisation.", 25, -90, 75, 80000, []string{"Customer effort score"}},
	}
}

func (b *demoBuilder) initiatives() error {
	for _, d := range b.demoInitiatives() {
		i := models.Initiative{Title: d.title, Description: d.problem, LeadDepartmentID: b.ref(b.dept, d.dept),
			OwnerID: b.ref(b.member, d.owner), JourneyID: b.ref(b.journey, d.journey), Pillar: d.pillar, BusinessGoal: d.goal,
			Status: d.status, Health: d.health, HealthReason: d.reason, PercentComplete: d.pct,
			StartDate: b.day(d.start), DueDate: b.day(d.due), ExpectedBenefit: d.benefit}
		i.Budget, i.SpendToDate, i.RealisedBenefit = d.money()
		if err := createIn(b.tx, &i); err != nil {
			return err
		}
		b.initiative[i.Title] = i.ID
		if err := b.history(i, d); err != nil {
			return err
		}
		for _, t := range d.targets {
			if err := b.tx.Exec("INSERT INTO initiative_targets (initiative_id, target_id) VALUES (?, ?)", i.ID, *b.ref(b.target, t)).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// statusUpdates writes the history; the last update of each initiative
// matches its current health and progress.
func (b *demoBuilder) statusUpdates() error {
	rows := []struct {
		initiative, author string
		daysAgo            int
		health             models.Health
		pct                int
		note               string
	}{
		{"Redesign the welcome pack", "Aisha Mensah", 75, models.HealthAmber, 30, "Print supplier changed; proofs two weeks late."},
		{"Redesign the welcome pack", "Aisha Mensah", 40, models.HealthGreen, 50, "Proofs approved; customer testing booked."},
		{"Redesign the welcome pack", "Aisha Mensah", 8, models.HealthGreen, 65, "Tested with 24 new customers; 21 found it clearer."},
		{"Self-service password reset", "Mei Lin", 50, models.HealthGreen, 30, "Vendor shortlisted."},
		{"Self-service password reset", "Mei Lin", 12, models.HealthAmber, 40, "Identity vendor contract signed late; build is three weeks behind plan."},
		{"Bill shock alerts", "Lukas Novak", 45, models.HealthAmber, 25, "Alert thresholds agreed with Finance; gateway under review."},
		{"Bill shock alerts", "Lukas Novak", 5, models.HealthRed, 30, "SMS gateway failed security review; launch slips at least six weeks."},
		{"First-contact resolution coaching", "Priya Shah", 35, models.HealthGreen, 70, "Two of three cohorts coached."},
		{"First-contact resolution coaching", "Priya Shah", 3, models.HealthGreen, 80, "FCR up 9 points in coached teams."},
		{"Plain-language bills", "James Carter", 45, models.HealthGreen, 100, "New bill live for all customers; billing queries down 18%."},
		{"Unified customer view in the CRM", "Mei Lin", 62, models.HealthAmber, 35, "Data migration scope still unclear."},
		{"Complaint root-cause reviews", "Daniel Okafor", 70, models.HealthAmber, 20, "Paused until the CRM view gives complaint codes."},
		{"Customer-first training for all staff", "Hannah Weber", 48, models.HealthAmber, 45, "Only 40% of managers have booked their teams."},
		{"Welcome call within 48 hours", "Priya Shah", 95, models.HealthGreen, 100, "Calls now made for 96% of new customers."},
		{"Payment plans for customers in difficulty", "James Carter", 40, models.HealthAmber, 50, "Policy draft with Legal."},
		{"Payment plans for customers in difficulty", "James Carter", 10, models.HealthRed, 55, "Regulator guidance changed; policy must be rewritten before launch."},
		{"Voice of the customer dashboard", "Emma Clarke", 14, models.HealthGreen, 70, "Survey and complaint feeds connected."},
		{"Chatbot hand-over to agents", "Lukas Novak", 48, models.HealthAmber, 25, "Waiting for the vendor's hand-over interface."},
		{"Chatbot hand-over to agents", "Lukas Novak", 20, models.HealthAmber, 25, "No owner since the digital reorganisation."},
	}
	for _, r := range rows {
		u := models.StatusUpdate{InitiativeID: *b.ref(b.initiative, r.initiative), Date: b.day(-r.daysAgo),
			AuthorID: b.ref(b.member, r.author), Health: r.health, PercentComplete: r.pct, Note: r.note}
		if err := createIn(b.tx, &u); err != nil {
			return err
		}
	}
	return nil
}

// history records the status changes that brought a sample initiative to
// its status: started on its start date, finished or stopped near its due date.
func (b *demoBuilder) history(i models.Initiative, d demoInitiative) error {
	var changes []models.StatusChange
	if d.start <= 0 && i.Status != models.InitiativeProposed {
		changes = append(changes, models.StatusChange{InitiativeID: i.ID, Date: b.day(d.start), From: models.InitiativeProposed, To: models.InitiativeActive})
	}
	if i.Status == models.InitiativeDone || i.Status == models.InitiativeCancelled || i.Status == models.InitiativeOnHold {
		end := min(d.due, -5)
		if i.Status == models.InitiativeOnHold {
			end = -70
		}
		changes = append(changes, models.StatusChange{InitiativeID: i.ID, Date: b.day(end), From: models.InitiativeActive, To: i.Status})
	}
	for n := range changes {
		if err := createIn(b.tx, &changes[n]); err != nil {
			return err
		}
	}
	return nil
}
