// Package pack writes a department's update pack (a workbook of just its
// initiatives, targets and actions, ready to fill in) and reads filled packs
// back for import. It knows nothing of Fyne.
package pack

import "fmt"

// Sheet names of a pack.
const (
	SheetInstructions = "Instructions"
	SheetInitiatives  = "Initiatives"
	SheetTargets      = "Targets"
	SheetActions      = "Actions"
	SheetLists        = "Lists" // very hidden: drop-down lists and the pack's identity
)

// column is one column of a pack sheet; input columns are the ones the
// representative fills in, every other cell is locked.
type column struct {
	title string
	input bool
	width float64
}

// The columns of each sheet. The first two, hidden and locked, carry the
// record's id and the version the pack was issued at.
var (
	initiativeColumns = []column{
		{"Id", false, 6}, {"Version", false, 6}, {"Initiative", false, 36}, {"Owner", false, 18},
		{"Health now", false, 11}, {"% complete now", false, 10}, {"Reason now", false, 30}, {"Due", false, 12},
		{"Last update", false, 12},
		{"New health", true, 12}, {"% complete", true, 11}, {"Reason or note", true, 40}, {"Revised due date", true, 14},
	}
	targetColumns = []column{
		{"Id", false, 6}, {"Version", false, 6}, {"Target", false, 32}, {"Unit", false, 8}, {"Scale", false, 14},
		{"Last reading", false, 12}, {"Last reading on", false, 13},
		{"Reading date", true, 13}, {"Value", true, 10}, {"Sample size", true, 11}, {"Note", true, 36},
	}
	actionColumns = []column{
		{"Id", false, 6}, {"Version", false, 6}, {"Action", false, 40}, {"Owner", false, 18}, {"Status now", false, 12},
		{"Due", false, 12}, {"New status", true, 13}, {"Revised due date", true, 14}, {"Note", true, 36},
	}
)

// Cells of the Lists sheet that identify the pack.
const (
	cellPackID     = "E1"
	cellDepartment = "E2"
	cellIssued     = "E3"
	cellDeptName   = "E4"
)

// issuedKey names an issued row: "Initiatives:12".
func issuedKey(sheet string, id uint) string { return fmt.Sprintf("%s:%d", sheet, id) }
