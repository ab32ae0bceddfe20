package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/models"
)

const notRecorded = "—"

// attendanceTab lists the members active on the meeting day with how each
// took part; a change is saved at once and the quorum recomputed.
func (v *meetingView) attendanceTab() fyne.CanvasObject {
	var rows []fyne.CanvasObject // built whole, then boxed once
	statuses := append([]string{notRecorded}, models.Words(models.AttendanceStatuses)...)
	for _, m := range v.members {
		_, recorded := v.atts[m.ID]
		if !m.ActiveOn(v.meeting.Date) && !recorded {
			continue
		}
		member := m
		who := member.Name
		if member.Department != "" {
			who += " · " + member.Department
		}
		if models.CanCommit(member.Member, v.meeting.Date) {
			who += " · can commit"
		}
		status := widget.NewSelect(statuses, nil)
		proxy := newRecordPicker(v.s.env.win, "Proxy for "+member.Name, v.proxiesFor(member.ID), false, false)
		proxy.none = "proxy member"
		proxy.showChosen()
		a, ok := v.atts[member.ID]
		status.SetSelected(notRecorded)
		if ok {
			status.SetSelected(string(a.Status))
			if a.ProxyMemberID != nil {
				proxy.set(*a.ProxyMemberID)
			}
		}
		proxy.Hidden = status.Selected != string(models.AttendanceProxy)
		save := func() {
			if status.Selected == notRecorded {
				return
			}
			st := models.AttendanceStatus(status.Selected)
			var pid *uint
			if st == models.AttendanceProxy {
				proxy.Show()
				if pid = proxy.id(); pid == nil {
					return // saved once the proxy is chosen
				}
			} else {
				proxy.Hide()
			}
			if err := v.s.env.store.SetAttendance(v.id, member.ID, st, pid); err != nil {
				v.s.env.showError(err)
			}
			v.refreshQuorum()
		}
		status.OnChanged = func(string) { save() }
		proxy.onChanged = save
		if v.locked() {
			status.Disable()
			proxy.open.Disable()
		}
		label := widget.NewLabel(who)
		label.Truncation = fyne.TextTruncateEllipsis
		size := status.MinSize()
		selects := container.NewHBox(container.NewGridWrap(fyne.NewSize(170, size.Height), status), container.NewGridWrap(fyne.NewSize(200, size.Height), proxy))
		rows = append(rows, container.NewBorder(nil, nil, nil, selects, label))
	}
	all := widget.NewButton("Mark all present", v.markAllPresent)
	if v.locked() {
		all.Disable()
	}
	return container.NewBorder(container.NewHBox(all, widget.NewLabel("Members not yet recorded are marked present; change anyone who is not.")), nil, nil, nil,
		container.NewVScroll(container.NewVBox(rows...)))
}

// proxiesFor lists who can hold a member's proxy: the other members active
// on the meeting day who are not recorded as away from it.
func (v *meetingView) proxiesFor(memberID uint) []pickOption {
	var out []pickOption
	for _, m := range v.members {
		a, recorded := v.atts[m.ID]
		away := recorded && (a.Status == models.AttendanceAbsent || a.Status == models.AttendanceApologies)
		if m.ID != memberID && m.ActiveOn(v.meeting.Date) && !away {
			out = append(out, pickOption{id: m.ID, name: m.Name})
		}
	}
	return out
}

// markAllPresent records every active member without an attendance record
// as present, in one change.
func (v *meetingView) markAllPresent() {
	var ids []uint
	for _, m := range v.members {
		if _, recorded := v.atts[m.ID]; !recorded && m.ActiveOn(v.meeting.Date) {
			ids = append(ids, m.ID)
		}
	}
	if len(ids) == 0 {
		v.s.env.info("Attendance", "Everyone active on the meeting day is already recorded.")
		return
	}
	if err := v.s.env.store.MarkPresent(v.id, ids); err != nil {
		v.s.env.showError(err)
		return
	}
	v.reload()
}

// refreshQuorum recomputes the quorum after an attendance change.
func (v *meetingView) refreshQuorum() {
	var q models.QuorumResult
	var atts map[uint]models.Attendance
	v.s.env.load(func() (err error) {
		if q, err = v.s.env.store.Quorum(v.id); err != nil {
			return err
		}
		atts, err = v.attendance()
		return err
	}, func() {
		v.atts = atts
		if q.Met != v.quorum.Met || q.Represented != v.quorum.Represented {
			v.quorum = q
			v.reload()
		}
	})
}
