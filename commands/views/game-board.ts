/**
 * A game's board, the one view of a game that other commands show too: /daily opens and resumes its
 * puzzle on the same board /play draws. The drawing stays with the play presenters; this is the one
 * door other commands use, so they depend on a view and on src/play, not on the play command's folder.
 */
export { boardMessage as gameBoard } from '../play/board.js';
