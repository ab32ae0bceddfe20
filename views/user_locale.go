package views

import (
	"fyne.io/fyne/v2/lang"

	"cxcommittee/app/locale"
)

// userDecimalMark is the mark the user's locale writes decimals with.
func userDecimalMark() rune { return locale.DecimalMark(lang.SystemLocale().LanguageString()) }
