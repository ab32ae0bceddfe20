package models

// Meeting is a committee meeting.
type Meeting struct {
	Record
	Title  string        `gorm:"not null"`
	Date   Date          `gorm:"not null;index"`
	Status MeetingStatus `gorm:"not null"`
	// Summary is the discussion summary the minutes carry.
	Summary string
	// Commentary is the chair's word to the executives for the period up
	// to this meeting: what changed, why, and what next.
	Commentary string
}

// Validate checks the meeting.
func (m *Meeting) Validate() error {
	return JoinProblems(
		required("Title", "meeting title", m.Title),
		maxLen("Title", "meeting title", m.Title, 200),
		requiredDate("Date", "meeting date", m.Date),
		oneOf("Status", "meeting status", m.Status, MeetingStatuses),
		maxLen("Summary", "discussion summary", m.Summary, 20000),
		maxLen("Commentary", "chair's commentary", m.Commentary, 4000),
	)
}

// DuplicateMessage explains a unique-key clash.
func (m *Meeting) DuplicateMessage() string { return "this meeting already exists" }

// Happened reports whether the meeting has taken place.
func (m Meeting) Happened() bool { return m.Status != MeetingPlanned }

// Attendance records how one member took part in one meeting.
type Attendance struct {
	Record
	MeetingID     uint             `gorm:"not null;uniqueIndex:idx_attendance_member"`
	Meeting       *Meeting         `gorm:"constraint:OnDelete:CASCADE"`
	MemberID      uint             `gorm:"not null;uniqueIndex:idx_attendance_member"`
	Member        *Member          `gorm:"constraint:OnDelete:CASCADE"`
	Status        AttendanceStatus `gorm:"not null"`
	ProxyMemberID *uint
	ProxyMember   *Member `gorm:"constraint:OnDelete:SET NULL"`
}

// TableName keeps the table name a plural like the others.
func (Attendance) TableName() string { return "attendances" }

// Validate checks the attendance.
func (a *Attendance) Validate() error {
	var refs, proxy error
	switch {
	case a.MeetingID == 0:
		refs = fieldErr("MeetingID", "the meeting of an attendance is required")
	case a.MemberID == 0:
		refs = fieldErr("MemberID", "the member of an attendance is required")
	}
	switch {
	case a.Status == AttendanceProxy && (a.ProxyMemberID == nil || *a.ProxyMemberID == 0):
		proxy = fieldErr("ProxyMemberID", "a proxy member is required when attendance is by proxy")
	case a.Status == AttendanceProxy && *a.ProxyMemberID == a.MemberID:
		proxy = fieldErr("ProxyMemberID", "a member cannot be their own proxy")
	case a.Status != AttendanceProxy && a.ProxyMemberID != nil:
		proxy = fieldErr("ProxyMemberID", "a proxy member is only recorded when attendance is by proxy")
	}
	return JoinProblems(refs, oneOf("Status", "attendance", a.Status, AttendanceStatuses), proxy)
}

// DuplicateMessage explains a unique-key clash.
func (a *Attendance) DuplicateMessage() string {
	return "attendance for this member is already recorded at this meeting"
}

// AgendaItem is one item on a meeting's agenda.
type AgendaItem struct {
	Record
	MeetingID uint     `gorm:"not null;index"`
	Meeting   *Meeting `gorm:"constraint:OnDelete:CASCADE"`
	Position  int      `gorm:"not null;serializer:lenient"`
	Topic     string   `gorm:"not null"`
	// LinkKind and LinkID name the record the item is about, e.g. "initiative" 12.
	LinkKind RecordKind
	LinkID   *uint
	// Status says whether the item was covered; Notes are what was said.
	Status AgendaItemStatus `gorm:"not null;default:open"`
	Notes  string
}

// Validate checks the agenda item.
func (a *AgendaItem) Validate() error {
	var mtg, link error
	if a.MeetingID == 0 {
		mtg = fieldErr("MeetingID", "the meeting of an agenda item is required")
	}
	if (a.LinkKind == "") != (a.LinkID == nil) {
		link = fieldErr("LinkID", "an agenda link needs both the kind of record and the record")
	}
	if a.LinkKind != "" && !a.LinkKind.Linkable() {
		link = fieldErr("LinkKind", "agenda link kind %q is not one of %s", a.LinkKind, wordList(LinkKinds))
	}
	status := a.Status
	if status == "" {
		status = AgendaOpen
	}
	return JoinProblems(mtg, required("Topic", "agenda topic", a.Topic), maxLen("Topic", "agenda topic", a.Topic, 300), link,
		oneOf("Status", "agenda item status", status, AgendaItemStatuses), maxLen("Notes", "agenda notes", a.Notes, 20000))
}

// DuplicateMessage explains a unique-key clash.
func (a *AgendaItem) DuplicateMessage() string { return "this agenda item already exists" }

// ActionReview records that a meeting reviewed an action: the meeting it
// was carried to. Carrying an action on adds a review and keeps the earlier
// ones, so every meeting's minutes keep the actions they reviewed.
type ActionReview struct {
	ActionItemID uint        `gorm:"primaryKey;autoIncrement:false"`
	ActionItem   *ActionItem `gorm:"constraint:OnDelete:CASCADE"`
	MeetingID    uint        `gorm:"primaryKey;autoIncrement:false;index"`
	Meeting      *Meeting    `gorm:"constraint:OnDelete:CASCADE"`
}
