package models

// Meeting is a committee meeting.
type Meeting struct {
	Record
	Title  string        `gorm:"not null"`
	Date   Date          `gorm:"not null;index"`
	Status MeetingStatus `gorm:"not null"`
}

// Validate checks the meeting.
func (m *Meeting) Validate() error {
	return firstError(
		required("Title", "meeting title", m.Title),
		maxLen("Title", "meeting title", m.Title, 200),
		requiredDate("Date", "meeting date", m.Date),
		oneOf("Status", "meeting status", m.Status, MeetingStatuses),
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
	return firstError(refs, oneOf("Status", "attendance", a.Status, AttendanceStatuses), proxy)
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
	return firstError(mtg, required("Topic", "agenda topic", a.Topic), maxLen("Topic", "agenda topic", a.Topic, 300), link)
}

// DuplicateMessage explains a unique-key clash.
func (a *AgendaItem) DuplicateMessage() string { return "this agenda item already exists" }
