import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, View } from '@tarojs/components';

interface State {
  failed: boolean;
}

/** A rendering bug shows a way out instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('页面渲染出错', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <View className='state'>
        <View className='state__title'>页面出了点问题</View>
        <View className='state__hint'>请点击下面的按钮重新加载</View>
        <Button className='btn btn--primary' onClick={() => this.setState({ failed: false })}>
          重新加载
        </Button>
      </View>
    );
  }
}
