/* fanfare-library-types.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _FanfareLibrary FanfareLibrary;
typedef struct _FanfareLibraryModel FanfareLibraryModel;
typedef struct _FanfareLibraryProblem FanfareLibraryProblem;
typedef struct _FanfareLibraryScanner FanfareLibraryScanner;

/**
 * FanfareLibraryProblemKind:
 * @FANFARE_LIBRARY_PROBLEM_NONE: nothing is wrong
 * @FANFARE_LIBRARY_PROBLEM_UNREADABLE_FOLDER: a folder could not be listed
 * @FANFARE_LIBRARY_PROBLEM_UNREADABLE_FILE: a file could not be opened
 * @FANFARE_LIBRARY_PROBLEM_NOT_AUDIO: a file is damaged or not a supported audio file
 * @FANFARE_LIBRARY_PROBLEM_BAD_TAGS: some tags were damaged or absurd; the rest was kept
 * @FANFARE_LIBRARY_PROBLEM_SYMLINK_LOOP: a link leads back to a folder already scanned
 * @FANFARE_LIBRARY_PROBLEM_VANISHED: a file disappeared while it was read
 * @FANFARE_LIBRARY_PROBLEM_CHANGING: a file kept changing while it was read
 *
 * Why a file or folder is listed among the library's problems. The values
 * are stored in the index: only add to the end.
 */
typedef enum {
  FANFARE_LIBRARY_PROBLEM_NONE,
  FANFARE_LIBRARY_PROBLEM_UNREADABLE_FOLDER,
  FANFARE_LIBRARY_PROBLEM_UNREADABLE_FILE,
  FANFARE_LIBRARY_PROBLEM_NOT_AUDIO,
  FANFARE_LIBRARY_PROBLEM_BAD_TAGS,
  FANFARE_LIBRARY_PROBLEM_SYMLINK_LOOP,
  FANFARE_LIBRARY_PROBLEM_VANISHED,
  FANFARE_LIBRARY_PROBLEM_CHANGING,
} FanfareLibraryProblemKind;

/**
 * FanfareLibrarySort:
 * @FANFARE_LIBRARY_SORT_TITLE: by title
 * @FANFARE_LIBRARY_SORT_ARTIST: by artist, then album and track
 * @FANFARE_LIBRARY_SORT_ALBUM: by album, then disc and track
 * @FANFARE_LIBRARY_SORT_DURATION: by duration
 * @FANFARE_LIBRARY_SORT_YEAR: by year
 * @FANFARE_LIBRARY_SORT_ADDED: by the date the file joined the library
 *
 * How a list of songs is sorted; the sorting happens in SQL.
 */
typedef enum {
  FANFARE_LIBRARY_SORT_TITLE,
  FANFARE_LIBRARY_SORT_ARTIST,
  FANFARE_LIBRARY_SORT_ALBUM,
  FANFARE_LIBRARY_SORT_DURATION,
  FANFARE_LIBRARY_SORT_YEAR,
  FANFARE_LIBRARY_SORT_ADDED,
} FanfareLibrarySort;

/**
 * FanfareLibraryExtras:
 * @FANFARE_LIBRARY_EXTRAS_NONE: nothing beside the audio
 * @FANFARE_LIBRARY_EXTRAS_LRC_FILE: a .lrc file of the same name beside it
 * @FANFARE_LIBRARY_EXTRAS_LYRICS_TAG: lyrics in its tags
 * @FANFARE_LIBRARY_EXTRAS_CUE_FILE: a .cue sheet of the same name beside it
 * @FANFARE_LIBRARY_EXTRAS_CHAPTERS_TAG: chapters in the file (ID3 CHAP
 *   frames, MP4 chapters)
 *
 * Where a track's lyrics and chapters are, as the scan found them, so that
 * the app knows without reading the file. Stored in the index as flags.
 */
typedef enum {
  FANFARE_LIBRARY_EXTRAS_NONE         = 0,
  FANFARE_LIBRARY_EXTRAS_LRC_FILE     = 1 << 0,
  FANFARE_LIBRARY_EXTRAS_LYRICS_TAG   = 1 << 1,
  FANFARE_LIBRARY_EXTRAS_CUE_FILE     = 1 << 2,
  FANFARE_LIBRARY_EXTRAS_CHAPTERS_TAG = 1 << 3,
} FanfareLibraryExtras;

#define FANFARE_LIBRARY_EXTRAS_LYRICS   (FANFARE_LIBRARY_EXTRAS_LRC_FILE | FANFARE_LIBRARY_EXTRAS_LYRICS_TAG)
#define FANFARE_LIBRARY_EXTRAS_CHAPTERS (FANFARE_LIBRARY_EXTRAS_CUE_FILE | FANFARE_LIBRARY_EXTRAS_CHAPTERS_TAG)

/**
 * FanfareLibraryError:
 * @FANFARE_LIBRARY_ERROR_DATABASE: the index could not be opened, read or written
 * @FANFARE_LIBRARY_ERROR_NOT_AUDIO: a file is not an audio file the library reads
 * @FANFARE_LIBRARY_ERROR_NO_FOLDER: there is no folder to scan
 *
 * Errors of the local library.
 */
typedef enum {
  FANFARE_LIBRARY_ERROR_DATABASE,
  FANFARE_LIBRARY_ERROR_NOT_AUDIO,
  FANFARE_LIBRARY_ERROR_NO_FOLDER,
} FanfareLibraryError;

#define FANFARE_LIBRARY_ERROR (fanfare_library_error_quark ())
GQuark fanfare_library_error_quark (void);

G_END_DECLS
