package dev.littlebrain.studio;

/**
 * One open live classification: a microphone stream for an audio impulse, a recording replay for a sensor impulse.
 */
sealed interface LiveSession permits LiveAudioSession, LiveSensorSession {
}
